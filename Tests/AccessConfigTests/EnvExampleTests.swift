import AccessConfig
import Foundation
import Testing

@Suite(".env.example")
struct EnvExampleTests {
    let contents: String

    init() throws {
        contents = try String(contentsOfFile: Repo.path(".env.example"), encoding: .utf8)
    }

    @Test func mentionsEveryDocumentedVariable() {
        for setting in ServerSettings.documented {
            #expect(contents.contains(setting.name + "="), "\(setting.name) is missing from .env.example")
        }
    }

    @Test func namesNothingUndocumented() throws {
        let names = Set(ServerSettings.documented.map(\.name))
        let values = try DotEnv.parse(contents: contents)
        #expect(Set(values.keys).subtracting(names).isEmpty)
    }

    @Test func leavesSecretsEmptyAndShowsDefaults() throws {
        let values = try DotEnv.parse(contents: contents)
        for setting in ServerSettings.documented {
            let value = values[setting.name] ?? ""
            if setting.isSecret {
                #expect(value.isEmpty, "\(setting.name) must be empty in .env.example")
            } else if !value.isEmpty {
                #expect(value == setting.defaultValue, "\(setting.name)=\(value) differs from its default \(setting.defaultValue)")
            }
        }
    }

    @Test func loadsAsIsWithDefaults() throws {
        let settings = try ServerSettings.load(environment: [:], dotEnv: DotEnv.parse(contents: contents))
        #expect(settings.port == 8080)
        #expect(settings.slack == nil)
    }

    @Test func documentedNamesAreUnique() {
        let names = ServerSettings.documented.map(\.name)
        #expect(Set(names).count == names.count)
    }
}
