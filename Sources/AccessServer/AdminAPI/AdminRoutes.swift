import AccessCore
import Hummingbird

/// The admin API under `/api/v1` (design.md, HTTP surface), registered only when
/// `ADMIN_API_TOKEN` is set. Every route but the OpenAPI document needs the token.
struct AdminRoutes {
    let token: String
    let catalog: Catalog
    let state: AppState

    init(_ token: String, catalog: Catalog, state: AppState) {
        self.token = token
        self.catalog = catalog
        self.state = state
    }

    func register(on router: Router<AppRequestContext>) {
        let api = AdminAPI(catalog: catalog, state: state)
        let open = router.group()
        let guarded = router.group().add(middleware: AdminTokenMiddleware(token: token))
        for endpoint in AdminEndpoint.allCases {
            let group = endpoint.needsToken ? guarded : open
            group.on(RouterPath(endpoint.routerPath), method: endpoint.method) { request, context in
                try await api.respond(to: endpoint, request, context)
            }
        }
    }
}
