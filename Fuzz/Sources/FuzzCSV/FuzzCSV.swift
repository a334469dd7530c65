import Foundation
import FuzzSupport

/// The fuzz input is `Data/figures.csv`; the other data files are the fixed valid ones.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Harness.checkData(replacing: "figures.csv", with: Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
