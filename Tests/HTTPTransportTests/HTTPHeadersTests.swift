import HTTPTransport
import Testing

@Suite("HTTPHeaders")
struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndKeepsOrder() {
        var headers: HTTPHeaders = ["Set-Cookie": "a=1", "content-type": "text/plain"]
        headers.add(name: "set-cookie", value: "b=2")
        #expect(headers["SET-COOKIE"] == "a=1")
        #expect(headers.values(for: "Set-Cookie") == ["a=1", "b=2"])
        #expect(headers["missing"] == nil)
        #expect(headers.count == 3)
    }

    @Test func replaceAndRemoveMatchAnyCase() {
        var headers: HTTPHeaders = ["Retry-After": "1", "retry-after": "2", "X": "y"]
        headers.replaceOrAdd(name: "RETRY-AFTER", value: "3")
        #expect(headers.values(for: "retry-after") == ["3"])
        headers.remove(name: "x")
        #expect(headers.map(\.name) == ["RETRY-AFTER"])
    }

    @Test func equalityComparesFieldsInOrder() {
        let literal: HTTPHeaders = ["a": "1", "b": "2"]
        let reordered: HTTPHeaders = ["b": "2", "a": "1"]
        #expect(literal == HTTPHeaders([(name: "a", value: "1"), (name: "b", value: "2")]))
        #expect(literal != reordered)
    }
}
