import AccessStore
import Testing

@Suite("Store URLs")
struct StoreLocationTests {
    @Test func sqliteForms() throws {
        #expect(try StoreLocation(url: "sqlite:accessbot.sqlite") == .sqlite(path: "accessbot.sqlite", synchronous: .full))
        #expect(
            try StoreLocation(url: "sqlite:///var/lib/accessbot/db.sqlite")
                == .sqlite(path: "/var/lib/accessbot/db.sqlite", synchronous: .full))
        #expect(try StoreLocation(url: "sqlite:/tmp/a.sqlite?synchronous=normal") == .sqlite(path: "/tmp/a.sqlite", synchronous: .normal))
        #expect(try StoreLocation(url: "sqlite::memory:") == .sqliteMemory)
    }

    @Test func postgresForms() throws {
        guard
            case .postgres(let location) = try StoreLocation(
                url: "postgres://bot:s%40cret@db.internal:6543/access?sslmode=require&search_path=bot&pool_size=8")
        else {
            Issue.record("not postgres")
            return
        }
        #expect(location.host == "db.internal")
        #expect(location.port == 6543)
        #expect(location.username == "bot")
        #expect(location.password == "s@cret")
        #expect(location.database == "access")
        #expect(location.tls == .require)
        #expect(location.searchPath == "bot")
        #expect(location.poolSize == 8)
        guard case .postgres(let defaults) = try StoreLocation(url: "postgresql://bot@localhost") else {
            Issue.record("not postgres")
            return
        }
        #expect(defaults.port == 5432)
        #expect(defaults.database == "bot")
        #expect(defaults.tls == .prefer)
    }

    @Test(arguments: [
        "mysql://root@localhost/db", "sqlite:", "sqlite:/tmp/x?synchronous=off", "sqlite:/tmp/x?journal=wal", "postgres://host/db",
        "postgres://bot@/db", "postgres://bot:pw@host/db?sslmode=maybe", "postgres://bot:pw@host/db?search_path=a;drop",
        "postgres://bot:pw@host/db?pool_size=0", "postgres://bot:pw@host/db?colour=blue", "postgres://bot:pw@host:port/db", "",
    ])
    func malformed(_ url: String) {
        #expect(throws: SQLStoreError.self) { try StoreLocation(url: url) }
    }

    @Test func errorsHideThePassword() {
        do {
            _ = try StoreLocation(url: "postgres://bot:hunter2@host/db?sslmode=maybe")
            Issue.record("no error")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.contains("sslmode"))
        }
    }
}
