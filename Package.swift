// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "AccessBot",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "accessbot", targets: ["accessbot"]),
        .executable(name: "accessbot-bench", targets: ["AccessBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
    ],
    targets: [
        // MARK: The workflow core: Foundation only.
        .target(name: "AccessCore", swiftSettings: strict),

        // MARK: Edges
        .target(
            name: "AccessConfig",
            dependencies: ["AccessCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strict),
        // SQLite's WAL writes gathered into one write per commit (C: an SQLite VFS).
        .target(name: "CSQLiteWALBuffer", dependencies: [.product(name: "SQLiteNIO", package: "sqlite-nio")]),
        .target(
            name: "AccessStore",
            dependencies: [
                "AccessCore", "CSQLiteWALBuffer",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: strict),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]),
        .target(name: "HTTPTransport", dependencies: ["CCurl"], swiftSettings: strict),
        .target(
            name: "SlackAdapter",
            dependencies: [
                "AccessCore", "HTTPTransport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict),
        .target(
            name: "TeamsAdapter",
            dependencies: [
                "AccessCore", "HTTPTransport",
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict),
        .target(
            name: "Integrations",
            dependencies: ["AccessCore", "HTTPTransport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "AccessServer",
            dependencies: [
                "AccessCore", "AccessConfig", "AccessStore", "HTTPTransport", "SlackAdapter", "TeamsAdapter", "Integrations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "accessbot",
            dependencies: [
                "AccessServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict),
        .target(
            name: "AccessTesting",
            dependencies: [
                "AccessCore", "AccessStore", "SlackAdapter", "TeamsAdapter", "HTTPTransport", "Integrations",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "AccessBench",
            dependencies: [
                "AccessCore", "AccessConfig", "AccessStore", "AccessTesting", "HTTPTransport", "TeamsAdapter",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict),

        // MARK: Tests
        .testTarget(name: "AccessCoreTests", dependencies: ["AccessCore", "AccessTesting"]),
        .testTarget(name: "AccessConfigTests", dependencies: ["AccessConfig", "AccessTesting"]),
        .testTarget(name: "AccessStoreTests", dependencies: ["AccessStore", "AccessTesting"]),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport", "AccessTesting"]),
        .testTarget(name: "SlackAdapterTests", dependencies: ["SlackAdapter", "AccessTesting"]),
        .testTarget(name: "TeamsAdapterTests", dependencies: ["TeamsAdapter", "AccessTesting"]),
        .testTarget(name: "IntegrationsTests", dependencies: ["Integrations", "AccessTesting"]),
        .testTarget(
            name: "AccessServerTests",
            dependencies: [
                "AccessServer", "AccessTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
