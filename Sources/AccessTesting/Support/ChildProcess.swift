import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started with posix_spawn(3), for the tests and benchmarks that run real
/// binaries (the server, the CLI, openssl, the packaging script).
///
/// Foundation's `Process.run()` on Linux crashes now and then with this toolchain (Swift
/// 6.3.1): while closing inherited descriptors it copies each `/proc/self/fd` entry's whole
/// 256-byte `d_name` and can read past the end of glibc's buffer (swift-corelibs-foundation
/// pull request 5472, fixed after this release). A test process with many sockets open hits
/// it; CI did, in `CrashRecoveryTests`. Spawning directly avoids that code. The child starts
/// with no blocked signals and default handlers, stdin from /dev/null, and each of stdout and
/// stderr either discarded or piped back.
public final class ChildProcess: @unchecked Sendable {
    /// Where a child's output goes.
    public enum Output: Sendable {
        case discard
        case pipe
        /// The same as this process's.
        case inherit
        /// Written to a file, created or emptied first.
        case file(String)
    }

    public let pid: pid_t
    /// The read ends of the pipes asked for (`.pipe`), nil otherwise.
    public let standardOutput: FileHandle?
    public let standardError: FileHandle?

    // `status` is set once, under `lock`, when the child has been reaped.
    private let lock = NSLock()
    private var status: Int32?

    private init(pid: pid_t, standardOutput: FileHandle?, standardError: FileHandle?) {
        self.pid = pid
        self.standardOutput = standardOutput
        self.standardError = standardError
    }

    /// Starts `executable` with `arguments`; `environment` nil inherits this process's, and
    /// `directory` nil its working directory.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        standardOutput: Output = .discard, standardError: Output = .discard
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var parentEnds: [Int32?] = [nil, nil]
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        for (index, (target, output)) in [(Int32(1), standardOutput), (Int32(2), standardError)].enumerated() {
            switch output {
            case .discard:
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            case .inherit:
                break
            case .file(let path):
                posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .pipe:
                var fds: [Int32] = [-1, -1]
                guard pipe(&fds) == 0 else { throw ChildProcessError.spawn("pipe", errno) }
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
                parentEnds[index] = fds[0]
                childEnds.append(fds[1])
                // dup2 leaves the child's copy without close-on-exec; the originals close at exec.
                posix_spawn_file_actions_adddup2(&actions, fds[1], target)
            }
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD, SIGUSR1, SIGUSR2] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        // `env -C` changes directory in the child (posix_spawn_file_actions_addchdir_np is not imported).
        let command = directory.map { ["/usr/bin/env", "-C", $0, executable] } ?? [executable]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for pointer in envp ?? [] { free(pointer) } }

        var pid: pid_t = 0
        let status: Int32
        if let envp {
            status = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        } else {
            status = posix_spawn(&pid, command[0], &actions, &attributes, argv, environ)
        }
        guard status == 0 else {
            for fd in parentEnds.compactMap({ $0 }) { close(fd) }
            throw ChildProcessError.spawn(executable, status)
        }
        return ChildProcess(
            pid: pid, standardOutput: parentEnds[0].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) },
            standardError: parentEnds[1].map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) })
    }

    /// Runs to the end and returns the exit status and both outputs.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let child = try start(
            executable, arguments, environment: environment, directory: directory, standardOutput: .pipe, standardError: .pipe)
        // stderr is read on another thread so a child that fills one pipe never waits on the other.
        let errors = ErrorOutput()
        let reader = Thread { errors.set(child.standardError?.readDataToEndOfFile() ?? Data()) }
        reader.start()
        let stdout = child.standardOutput?.readDataToEndOfFile() ?? Data()
        let status = child.wait()
        return (status, String(decoding: stdout, as: UTF8.self), String(decoding: errors.wait(), as: UTF8.self))
    }

    /// Sends `signal` (SIGTERM, SIGKILL, …).
    public func send(_ signal: Int32) { kill(pid, signal) }

    /// Waits for the child to end: its exit status, or 128 + the signal that ended it.
    @discardableResult
    public func wait() -> Int32 {
        lock.withLock {
            if let status { return status }
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1, errno == EINTR {}
            let decoded = Self.decode(raw)
            status = decoded
            return decoded
        }
    }

    /// True until the child has ended.
    public var isRunning: Bool {
        lock.withLock {
            guard status == nil else { return false }
            var raw: Int32 = 0
            switch waitpid(pid, &raw, WNOHANG) {
            case 0: return true
            case pid:
                status = Self.decode(raw)
                return false
            default: return false
            }
        }
    }

    /// `WEXITSTATUS` or 128 + `WTERMSIG`, spelled out (the macros are not imported).
    private static func decode(_ raw: Int32) -> Int32 {
        let signal = raw & 0x7f
        return signal == 0 ? (raw >> 8) & 0xff : 128 + signal
    }
}

/// What `ChildProcess.run` read from stderr, handed from the reading thread.
private final class ErrorOutput: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.withLock {
            data = value
            condition.signal()
        }
    }

    func wait() -> Data {
        condition.withLock {
            while data == nil { condition.wait() }
            return data ?? Data()
        }
    }
}

public enum ChildProcessError: Error, CustomStringConvertible {
    case spawn(String, Int32)

    public var description: String {
        switch self {
        case .spawn(let what, let code): "could not start \(what): \(String(cString: strerror(code)))"
        }
    }
}
