// swift-tools-version:6.0
// libFuzzer targets for BriefingKit. A package of its own, outside the main one: build it with
// Fuzz/run.sh (or the command in Fuzz/README.md), never as part of `swift build` at the root.
import PackageDescription

// Each fuzzer defines LLVMFuzzerTestOneInput and no main: libFuzzer brings its own.
let fuzzerSettings: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "BriefingFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The package at the repository root, whatever its folder is called.
        .package(name: "briefing", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "BriefingKit", package: "briefing")]
        ),
        // The entry point SwiftPM links each executable with; see FuzzEntry.c.
        .target(name: "FuzzEntry"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", "FuzzEntry"], swiftSettings: fuzzerSettings),
        .executableTarget(name: "FuzzYAML", dependencies: ["FuzzSupport", "FuzzEntry"], swiftSettings: fuzzerSettings),
        .executableTarget(name: "FuzzTemplates", dependencies: ["FuzzSupport", "FuzzEntry"], swiftSettings: fuzzerSettings),
    ]
)
