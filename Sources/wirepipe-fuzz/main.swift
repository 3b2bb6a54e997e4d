// wirepipe-fuzz: a libFuzzer target over fetch, strip, normalise and analyse (see FuzzTarget).
// Built for fuzzing only by scripts/fuzz, with `-sanitize=fuzzer,address -DFUZZING`; a normal build gives a
// main that explains this and exits, so `swift build` stays fast and needs no libFuzzer.

import Foundation

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else {
        FuzzTarget.run([])
        return 0
    }
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

// libFuzzer's driver, linked in by -sanitize=fuzzer; SwiftPM's main would otherwise return at once.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv, fuzzOneInput))
#else
FileHandle.standardError.write(Data("wirepipe-fuzz: built without -DFUZZING; run scripts/fuzz SECONDS to fuzz\n".utf8))
exit(2)
#endif
