import Foundation
import FuzzSupport

/// The fuzz input is the page template `Templates/national.md`; the partials, the other pages,
/// the layout and the data are the fixed valid ones. The raw input also goes to cmark-gfm.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.checkTemplate(replacing: "national.md", with: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
