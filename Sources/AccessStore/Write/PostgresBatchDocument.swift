/// The JSON document `PostgresBatchStatement` reads: one array of objects per table, each
/// child row tagged with its job's request id (`j`) and its position (`n`, which orders the
/// identity ids as the effects were ordered). Values come from `OutcomeRows`, so both
/// backends store exactly the same columns.
enum PostgresBatchDocument {
    static func make(_ jobs: [OutcomeRows]) -> String {
        var requests: [String] = []
        var tasks: [String] = []
        var audit: [String] = []
        var outbox: [String] = []
        var timers: [String] = []
        var cancels: [String] = []
        var consumed: [String] = []
        for (position, job) in jobs.enumerated() {
            let extra = ["expected": job.expectedVersion.map(String.init) ?? "null", "n": String(position)]
            requests.append(object(OutcomeRows.requestColumns, job.request, extra: extra))
            let tag = JSONText.string(job.requestID.rawValue)
            func add(_ rows: [[Bind]], _ columns: [String], to list: inout [String]) {
                for row in rows { list.append(object(columns, row, extra: ["j": tag, "n": String(list.count)])) }
            }
            add(job.tasks, OutcomeRows.taskColumns, to: &tasks)
            add(job.audit, OutcomeRows.auditColumns, to: &audit)
            add(job.outbox, OutcomeRows.outboxColumns, to: &outbox)
            add(job.timers, OutcomeRows.timerColumns, to: &timers)
            for target in job.cancelsTimersOf { cancels.append("{\"j\":\(tag),\"target\":\(JSONText.string(target))}") }
            if let timer = job.consumedTimer { consumed.append("{\"j\":\(tag),\"timer\":\(timer)}") }
        }
        let parts = [("r", requests), ("t", tasks), ("a", audit), ("o", outbox), ("m", timers), ("c", cancels), ("k", consumed)]
        return "{" + parts.map { "\"\($0.0)\":[\($0.1.joined(separator: ","))]" }.joined(separator: ",") + "}"
    }

    private static func object(_ columns: [String], _ values: [Bind], extra: [String: String]) -> String {
        var fields = zip(columns, values).map { "\"\($0)\":\(JSONText.value($1))" }
        for (key, value) in extra.sorted(by: { $0.key < $1.key }) { fields.append("\"\(key)\":\(value)") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}

/// JSON text for the few value types the store binds.
enum JSONText {
    static func value(_ value: Bind) -> String {
        switch value {
        case let text as String: string(text)
        case let number as Double: number.isFinite ? "\(number)" : "null"
        case let number as Int: String(number)
        case let number as Int64: String(number)
        default: "null"  // nil optionals: the only other values `OutcomeRows` holds
        }
    }

    /// A JSON string literal.
    static func string(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        JSONByteWriter.appendString(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
