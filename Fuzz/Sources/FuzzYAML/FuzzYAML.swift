import Foundation
import FuzzSupport

/// The fuzz input is tried as `Data/release.yaml`, then as `Data/quotes.yaml`, then as
/// `Data/context.yaml`, each time with the other files the fixed valid ones.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    for name in ["release.yaml", "quotes.yaml", "context.yaml"] {
        Harness.checkData(replacing: name, with: input)
    }
    return 0
}
