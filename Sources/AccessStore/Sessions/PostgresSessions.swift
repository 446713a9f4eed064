import Logging
import PostgresKit

/// PostgreSQL: a pool of connections shared by every caller; replicas coordinate through row
/// locks and advisory locks, not through anything in this process.
final class PostgresSessions: Sessions {
    let dialect = Dialect.postgres
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    /// The schema the store works in, when the URL named one.
    let schema: String?

    private init(client: PostgresClient, runner: Task<Void, Never>, schema: String?) {
        self.client = client
        self.runner = runner
        self.schema = schema
    }

    /// Starts the pool. Connections open lazily, so this does not touch the network.
    static func open(_ location: PostgresLocation, logger: Logger) -> PostgresSessions {
        let tls: PostgresClient.Configuration.TLS
        switch location.tls {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        configuration.options.maximumConnections = location.poolSize
        if let schema = location.searchPath {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        return PostgresSessions(client: client, runner: runner, schema: location.searchPath)
    }

    func write<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        if runner.isCancelled { throw SQLStoreError.closed }
        return try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await write(body)
    }

    func close() async throws {
        runner.cancel()
        await runner.value
    }
}
