import CSQLiteWALBuffer
import SQLiteNIO
import VaporCSQLite

/// A plain SQLite connection used for one thing: writing group-commit batches.
///
/// sqlite-nio runs every statement as a separate hop to its thread pool and back; a batch of
/// seven statements paid fourteen thread switches, which capped the store far below what
/// SQLite itself does. Here a whole batch (BEGIN … COMMIT, statements prepared once and
/// reused) runs as one synchronous block on the thread of the task that writes it.
///
/// Why not on a thread of its own: on this kind of machine (a 2-CPU virtual machine) waking a
/// sleeping thread costs about 50 µs, and a batch on a dedicated queue paid two such wake-ups
/// (there and back) on its critical path; running it in place took 16 writers from
/// 9,400–11,000 to 11,200–13,400 creates/s. The price is that a commit holds one thread of
/// Swift's cooperative pool while it syncs (about 1 ms), never more than one since batches
/// are serialised. Nothing in it waits for work of this process that needs the pool (which
/// could deadlock a one-CPU pool): every write, the other connection's transactions and the
/// checkpointer's `RESTART` included, holds the store's write lock
/// (`SQLiteSessions.withWriteLock`), and WAL readers never block a writer. Only another
/// process's write (`accessbot retry-grant`) can make it wait, inside SQLite's busy timeout.
/// The same lock serialises every use of this connection (SQLite opened it without a mutex
/// of its own).
final class RawSQLiteConnection: @unchecked Sendable {
    // `@unchecked Sendable`: callers serialise every use (see above).
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    private init(handle: OpaquePointer?) { self.handle = handle }

    /// Opens the file (which must already exist) and runs `pragmas` on it.
    ///
    /// `bufferWAL`: write each commit's WAL frames in one system call (see CSQLiteWALBuffer.h).
    /// Only with `synchronous = FULL`, where every commit syncs the WAL, so a write that fails
    /// fails its own commit.
    static func open(path: String, pragmas: [String], bufferWAL: Bool = false) throws -> RawSQLiteConnection {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let vfs = bufferWAL && accessbot_wal_buffer_register() == SQLITE_OK ? accessbot_wal_buffer_vfs_name : nil
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, vfs)
        let connection = RawSQLiteConnection(handle: handle)
        guard status == SQLITE_OK else {
            let error = connection.error(status, "open \(path)")
            connection.close()
            throw error
        }
        do {
            for pragma in pragmas { try connection.execute(pragma) }
        } catch {
            connection.close()
            throw error
        }
        return connection
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close_v2(handle)
        handle = nil
    }

    /// The VFS stack the main database goes through, top first (`accessbot-wal-buffer/unix`).
    func vfsName() -> String? {
        var name: UnsafeMutablePointer<CChar>?
        let status = sqlite_nio_sqlite3_file_control(handle, "main", SQLITE_FCNTL_VFSNAME, &name)
        guard status == SQLITE_OK, let name else { return nil }
        defer { sqlite_nio_sqlite3_free(name) }
        return String(cString: name)
    }

    /// Runs SQL without parameters or results (BEGIN, COMMIT, PRAGMA).
    func execute(_ sql: String) throws {
        guard handle != nil else { throw SQLStoreError.closed }
        let status = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status, sql) }
    }

    /// Runs one statement (prepared on first use, then reused) with `binds`, to completion;
    /// returns how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ binds: [SQLiteData]) throws -> Int {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (offset, value) in binds.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .integer(let number): status = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(number))
            case .float(let number): status = sqlite_nio_sqlite3_bind_double(statement, index, number)
            case .text(var text):
                status = text.withUTF8 { bytes in
                    sqlite_nio_sqlite3_bind_text(statement, index, bytes.baseAddress, Int32(bytes.count), transient)
                }
            case .blob(let buffer):
                status = buffer.withUnsafeReadableBytes { bytes in
                    sqlite_nio_sqlite3_bind_blob(statement, index, bytes.baseAddress, Int32(bytes.count), transient)
                }
            case .null: status = sqlite_nio_sqlite3_bind_null(statement, index)
            }
            guard status == SQLITE_OK else { throw error(status, sql) }
        }
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql) }
        }
        return Int(sqlite_nio_sqlite3_changes(handle))
    }

    private func prepared(_ sql: String) throws -> OpaquePointer? {
        try RawSQLite.prepared(sql, handle: handle, cache: &statements)
    }

    private func error(_ status: Int32, _ context: String) -> SQLStoreError {
        RawSQLite.error(status, context, handle: handle)
    }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
