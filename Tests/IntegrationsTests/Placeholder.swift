import Testing
@Test func integrationsPlaceholder() {}
