/// "Did you mean" ranking by edit distance, for typos in ids people type.
public enum Suggestions {
    /// The values whose label is within a typo's reach of `text`, closest first, without repeats.
    public static func closest<Value: Hashable>(to text: String, among candidates: [(Value, String)], limit: Int) -> [Value] {
        let wanted = Array(text.lowercased().utf8.prefix(128))
        guard !wanted.isEmpty else { return [] }
        let threshold = max(2, wanted.count / 3)
        var best: [Value: Int] = [:]
        for (value, label) in candidates {
            let candidate = Array(label.lowercased().utf8.prefix(128))
            var distance = editDistance(wanted, candidate)
            // A prefix or a part of the name is a good hint even when the lengths differ a lot.
            if distance > threshold, candidate.count >= 3, wanted.count >= 3,
                label.lowercased().contains(text.lowercased()) || text.lowercased().contains(label.lowercased())
            {
                distance = threshold
            }
            if distance <= threshold { best[value] = min(best[value] ?? .max, distance) }
        }
        return best.sorted { $0.value == $1.value ? "\($0.key)" < "\($1.key)" : $0.value < $1.value }
            .prefix(limit).map(\.key)
    }

    /// Levenshtein distance over bytes, two rows of memory.
    static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
