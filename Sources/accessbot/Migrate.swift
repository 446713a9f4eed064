import AccessStore
import ArgumentParser
import Logging

/// `accessbot migrate`: create or upgrade the schema, then exit.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or upgrade the database schema.")

    func run() async throws {
        let settings = Startup.settings()
        let logger = Logger(label: "accessbot.migrate")
        do {
            let store = try await SQLStore.open(url: Startup.databaseURL(settings), logger: logger)
            do {
                try await store.migrate()
                try await store.close()
            } catch {
                try? await store.close()
                throw error
            }
            print("accessbot: database \(settings.database) is migrated")
        } catch {
            Startup.fail("migration failed: \(error)", code: 1)
        }
    }
}
