import CCurl
import Foundation

/// The multi handle and the one thread that drives it.
///
/// Callers enqueue transfers and cancellations under `lock` and, if the
/// thread sleeps, wake it with `curl_multi_wakeup`; it moves them into the multi
/// handle, runs `curl_multi_perform`, resumes finished callers, and sleeps in
/// `curl_multi_poll` until a socket is ready, a timer is due or it is woken.
///
/// `@unchecked Sendable`: the fields under "guarded by lock" are only touched
/// with `lock` held; `active` and `idleHandles` only on the loop's thread;
/// `multi` is written once in `init`, and the only call made on it off the
/// thread is `curl_multi_wakeup`, which libcurl documents as thread-safe. It
/// is only called under `lock` before `stopping` is seen by the thread, so
/// never after `curl_multi_cleanup`.
final class CurlMultiLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let configuration: CurlHTTPClient.Configuration

    private let lock = NSLock()
    // guarded by lock
    private var pending: [CurlTransfer] = []
    private var cancelled: [CurlTransfer] = []
    private var stopping = false
    private var stopped = false
    /// The thread is in, or about to enter, `curl_multi_poll` with nothing queued.
    private var sleeping = false
    private var stopWaiters: [CheckedContinuation<Void, Never>] = []

    // loop thread only
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var idleHandles: [CurlEasyHandle] = []
    private let maxIdleHandles = 64

    init(configuration: CurlHTTPClient.Configuration) {
        _ = curlGlobalInitCode
        guard let multi = curl_multi_init() else {
            fatalError("curl_multi_init failed: libcurl could not allocate a multi handle")
        }
        self.multi = multi
        self.configuration = configuration
        let perHost = max(1, configuration.maxConnections)
        _ = accessbot_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, perHost)
        _ = accessbot_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, max(16, perHost * 4))
        _ = accessbot_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let thread = Thread { [self] in run() }
        thread.name = "accessbot-curl"
        thread.start()
    }

    /// Hands a transfer to the thread; it resumes `continuation` exactly once.
    func submit(_ transfer: CurlTransfer, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        lock.lock()
        guard !stopping else {
            lock.unlock()
            continuation.resume(throwing: CancellationError())
            return
        }
        transfer.continuation = continuation
        pending.append(transfer)
        wakeIfSleeping()
        lock.unlock()
    }

    /// Asks the thread to abort a transfer, whether or not it has started.
    func cancel(_ transfer: CurlTransfer) {
        lock.withLock {
            transfer.cancelRequested = true
            guard !stopping else { return }
            cancelled.append(transfer)
            wakeIfSleeping()
        }
    }

    /// Tells the thread to fail what is in flight and end.
    func requestShutdown() {
        lock.withLock {
            guard !stopping else { return }
            stopping = true
            wakeIfSleeping()
        }
    }

    /// Called with `lock` held. A busy thread sees the queues before it
    /// sleeps again, so only a sleeping one needs the (system call) wake-up.
    private func wakeIfSleeping() {
        guard sleeping else { return }
        sleeping = false
        curl_multi_wakeup(multi)
    }

    /// Returns once the thread has ended and the multi handle is freed.
    func waitUntilStopped() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            if stopped {
                lock.unlock()
                continuation.resume()
            } else {
                stopWaiters.append(continuation)
                lock.unlock()
            }
        }
    }

    // MARK: The loop's thread

    private func run() {
        var running: Int32 = 0
        while true {
            lock.lock()
            let incoming = pending.map { ($0, $0.cancelRequested) }
            let aborted = cancelled
            pending.removeAll(keepingCapacity: true)
            cancelled.removeAll(keepingCapacity: true)
            let stop = stopping
            sleeping = false
            lock.unlock()

            for (transfer, isCancelled) in incoming {
                if stop || isCancelled {
                    transfer.finish(.failure(CancellationError()))
                } else {
                    start(transfer)
                }
            }
            if stop { break }
            for transfer in aborted { abort(transfer) }

            _ = curl_multi_perform(multi, &running)
            collectFinished()
            let idle = lock.withLock {
                sleeping = pending.isEmpty && cancelled.isEmpty && !stopping
                return sleeping
            }
            // Sleeps until a socket is ready, libcurl's next timer or a wake-up.
            if idle { _ = curl_multi_poll(multi, nil, 0, 1000, nil) }
        }
        tearDown()
    }

    private func start(_ transfer: CurlTransfer) {
        guard let easy = idleHandles.popLast() ?? CurlEasyHandle() else {
            transfer.finish(
                .failure(
                    HTTPTransportError.other(
                        code: Int(CURLE_OUT_OF_MEMORY.rawValue), message: "could not allocate a curl handle")))
            return
        }
        do {
            try easy.configure(for: transfer, configuration: configuration)
        } catch {
            transfer.finish(.failure(error))
            recycle(easy)
            return
        }
        let code = curl_multi_add_handle(multi, easy.raw)
        guard code == CURLM_OK else {
            transfer.finish(
                .failure(
                    HTTPTransportError.other(
                        code: Int(code.rawValue), message: String(cString: curl_multi_strerror(code)))))
            recycle(easy)
            return
        }
        transfer.easy = easy
        active[easy.raw] = transfer
    }

    private func abort(_ transfer: CurlTransfer) {
        guard let easy = transfer.easy, active[easy.raw] === transfer else { return }
        active[easy.raw] = nil
        // Removing a transfer mid-way closes its connection rather than reusing it.
        _ = curl_multi_remove_handle(multi, easy.raw)
        transfer.finish(.failure(CancellationError()))
        recycle(easy)
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let raw = message.pointee.easy_handle else { continue }
            let code = message.pointee.data.result
            guard let transfer = active.removeValue(forKey: raw), let easy = transfer.easy else {
                _ = curl_multi_remove_handle(multi, raw)
                continue
            }
            _ = curl_multi_remove_handle(multi, raw)
            transfer.complete(code: code, status: easy.responseCode, errorMessage: easy.errorMessage(for: code))
            recycle(easy)
        }
    }

    private func recycle(_ easy: CurlEasyHandle) {
        easy.reset()
        if idleHandles.count < maxIdleHandles { idleHandles.append(easy) }
    }

    private func tearDown() {
        for (raw, transfer) in active {
            _ = curl_multi_remove_handle(multi, raw)
            transfer.finish(.failure(CancellationError()))
        }
        active.removeAll()
        idleHandles.removeAll()
        curl_multi_cleanup(multi)
        let waiters = lock.withLock {
            stopped = true
            defer { stopWaiters.removeAll() }
            return stopWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
