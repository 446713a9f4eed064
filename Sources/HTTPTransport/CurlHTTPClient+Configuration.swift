extension CurlHTTPClient {
    /// How a ``CurlHTTPClient`` connects; read once, at start.
    public struct Configuration: Sendable, Equatable {
        /// The most connections open at once to one host; requests beyond
        /// it wait in libcurl's queue (their total timeout keeps running).
        public var maxConnections: Int
        /// The `User-Agent` sent unless a request sets its own.
        public var userAgent: String
        /// Where requests go through a proxy.
        public var proxy: Proxy

        /// Creates a configuration; the defaults suit production.
        public init(
            maxConnections: Int = 16,
            userAgent: String = "AccessBot/0.1",
            proxy: Proxy = .environment
        ) {
            self.maxConnections = maxConnections
            self.userAgent = userAgent
            self.proxy = proxy
        }
    }

    /// The proxy setting.
    public enum Proxy: Sendable, Equatable {
        /// libcurl reads the environment at each new connection, as the curl
        /// tool does: `http_proxy` (lowercase only, against "httpoxy"),
        /// `https_proxy`/`HTTPS_PROXY`, `all_proxy`/`ALL_PROXY` and
        /// `no_proxy`/`NO_PROXY`. Without them, requests go direct.
        case environment
        /// The same proxy for every request, with the `no_proxy` syntax for
        /// exceptions (`"localhost,.internal.example"`, `"*"`); the
        /// environment is then ignored.
        case explicit(url: String, noProxy: String? = nil)
        /// Always direct, whatever the environment says.
        case disabled
    }
}
