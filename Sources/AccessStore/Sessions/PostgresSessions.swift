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
    private let logger: Logger

    private init(client: PostgresClient, runner: Task<Void, Never>, schema: String?, logger: Logger) {
        self.client = client
        self.runner = runner
        self.schema = schema
        self.logger = logger
    }

    /// Connects once to check the address and credentials (the pool would retry a wrong
    /// password for a minute), then starts the pool.
    static func open(_ location: PostgresLocation, logger: Logger) async throws -> PostgresSessions {
        let tls: PostgresClient.Configuration.TLS
        let probeTLS: PostgresConnection.Configuration.TLS
        switch location.tls {
        case .disable:
            tls = .disable
            probeTLS = .disable
        case .prefer:
            tls = .prefer(.makeClientConfiguration())
            probeTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require:
            tls = .require(.makeClientConfiguration())
            probeTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        let probe = try await PostgresConnection.connect(
            configuration: PostgresConnection.Configuration(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: probeTLS),
            id: 0, logger: logger)
        try await probe.close()

        var configuration = PostgresClient.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: tls)
        configuration.options.maximumConnections = location.poolSize
        if let schema = location.searchPath {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        return PostgresSessions(client: client, runner: runner, schema: location.searchPath, logger: logger)
    }

    func write<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        if runner.isCancelled { throw SQLStoreError.closed }
        return try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    /// Runs a batch statement (prepared once per connection) and returns the ids it wrote.
    func writeBatch(document: String, hasCommits: Bool) async throws -> [String] {
        if runner.isCancelled { throw SQLStoreError.closed }
        let logger = self.logger
        return try await client.withConnection { connection in
            var ids: [String] = []
            if hasCommits {
                let statement = PostgresBatchStatement(document: document)
                for try await id in try await connection.execute(statement, logger: logger) { ids.append(id) }
            } else {
                let statement = PostgresCreateBatchStatement(document: document)
                for try await id in try await connection.execute(statement, logger: logger) { ids.append(id) }
            }
            return ids
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
