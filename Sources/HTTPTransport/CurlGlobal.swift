import CCurl

/// `curl_global_init`, run exactly once on first use: a global `let` is
/// initialised lazily and atomically by the Swift runtime.
let curlGlobalInitCode: UInt32 = accessbot_global_init_default().rawValue

extension Duration {
    /// Whole milliseconds for `CURLOPT_*_MS`, at least 1 (0 means "no limit" to libcurl).
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        guard seconds >= 0 else { return 1 }
        let clampedSeconds = min(seconds, 100_000_000)
        let milliseconds = clampedSeconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int(max(1, milliseconds))
    }
}
