import AccessTesting
import Foundation
import Testing

/// `manifests/teams/`: the app manifest template obeys the v1.19 schema's rules that matter for
/// a bot, the icons have the sizes Teams demands, and `scripts/package-teams-app.sh` zips the
/// three files at the root of the package.
struct TeamsManifestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let teams = root.appendingPathComponent("manifests/teams")
    static let appID = "11111111-2222-3333-4444-555555555555"

    /// The template with its placeholders filled as the package script fills them.
    static func manifest() throws -> [String: Any] {
        let template = try String(contentsOf: teams.appendingPathComponent("manifest.json"), encoding: .utf8)
        let rendered = template.replacingOccurrences(of: "${TEAMS_APP_ID}", with: appID)
            .replacingOccurrences(of: "${PUBLIC_HOST}", with: "accessbot.example.com")
        #expect(!rendered.contains("${"), "a placeholder the script does not fill")
        let object = try JSONSerialization.jsonObject(with: Data(rendered.utf8))
        return try #require(object as? [String: Any])
    }

    /// Width, height and colour type from a PNG's IHDR chunk, which must come first.
    static func pngHeader(_ name: String) throws -> (width: Int, height: Int, colourType: UInt8) {
        let bytes = [UInt8](try Data(contentsOf: teams.appendingPathComponent(name)))
        try #require(bytes.count > 33, "\(name) is too short to be a PNG")
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(name) PNG signature")
        #expect(Array(bytes[12..<16]) == Array("IHDR".utf8), "\(name) first chunk")
        func uint32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (uint32(16), uint32(20), bytes[25])
    }

    @Test func manifestHasTheRequiredKeys() throws {
        let manifest = try Self.manifest()
        for key in ["manifestVersion", "version", "id", "developer", "name", "description", "icons", "accentColor"] {
            #expect(manifest[key] != nil, "missing \(key)")
        }
        let version = try #require(manifest["manifestVersion"] as? String)
        let schema = try #require(manifest["$schema"] as? String)
        #expect(schema == "https://developer.microsoft.com/json-schemas/teams/v\(version)/MicrosoftTeams.schema.json")
        #expect(manifest["id"] as? String == Self.appID)
        #expect((manifest["version"] as? String)?.wholeMatch(of: /\d+\.\d+\.\d+/) != nil)

        let developer = try #require(manifest["developer"] as? [String: Any])
        #expect(((developer["name"] as? String)?.count ?? 99) <= 32)
        for key in ["websiteUrl", "privacyUrl", "termsOfUseUrl"] {
            #expect((developer[key] as? String)?.hasPrefix("https://accessbot.example.com/") == true, "developer.\(key)")
        }

        let name = try #require(manifest["name"] as? [String: String])
        let short = try #require(name["short"])
        let full = try #require(name["full"])
        #expect(!short.isEmpty && short.count <= 30)
        #expect(!full.isEmpty && full.count <= 100)
        let description = try #require(manifest["description"] as? [String: String])
        let shortDescription = try #require(description["short"])
        let fullDescription = try #require(description["full"])
        #expect(!shortDescription.isEmpty && shortDescription.count <= 80)
        #expect(!fullDescription.isEmpty && fullDescription.count <= 4000)

        #expect(manifest["icons"] as? [String: String] == ["color": "color.png", "outline": "outline.png"])
        let accent = try #require(manifest["accentColor"] as? String)
        #expect(accent.wholeMatch(of: /#[0-9A-Fa-f]{6}/) != nil)
        #expect(manifest["validDomains"] as? [String] == ["accessbot.example.com"])
        #expect(Set(manifest["permissions"] as? [String] ?? []) == ["identity", "messageTeamMembers"])
        #expect(manifest["webApplicationInfo"] == nil, "no SSO, so no webApplicationInfo")
    }

    @Test func oneBotWithTheChatCommands() throws {
        let bots = try #require(try Self.manifest()["bots"] as? [[String: Any]])
        try #require(bots.count == 1)
        let bot = bots[0]
        #expect(bot["botId"] as? String == Self.appID)
        let scopes = Set(bot["scopes"] as? [String] ?? [])
        #expect(scopes.isSuperset(of: ["personal", "team"]))
        #expect(bot["isNotificationOnly"] as? Bool == false, "typed commands need the compose box")
        #expect(bot["supportsFiles"] as? Bool == false)

        let lists = try #require(bot["commandLists"] as? [[String: Any]])
        #expect(!lists.isEmpty && lists.count <= 3)
        for list in lists {
            #expect(Set(list["scopes"] as? [String] ?? []).isSubset(of: scopes))
            let commands = try #require(list["commands"] as? [[String: String]])
            #expect(!commands.isEmpty && commands.count <= 10)
            for command in commands {
                let title = command["title"] ?? ""
                #expect(!title.isEmpty && title.count <= 32, "title \(title)")
                #expect(!(command["description"] ?? "").isEmpty && (command["description"] ?? "").count <= 128, "\(title)")
            }
            #expect(commands.compactMap { $0["title"] } == ["request", "status", "pending", "cancel", "help"])
        }
    }

    @Test func iconsHaveTheSizesTeamsDemands() throws {
        let color = try Self.pngHeader("color.png")
        #expect(color.width == 192 && color.height == 192)
        #expect(color.colourType == 2, "color.png is opaque RGB")
        let outline = try Self.pngHeader("outline.png")
        #expect(outline.width == 32 && outline.height == 32)
        #expect(outline.colourType == 4 || outline.colourType == 6, "outline.png needs an alpha channel")
    }

    @Test func packageScriptZipsThreeFilesAtTheRoot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accessbot-teams-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let zip = folder.appendingPathComponent("out/app.zip")
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "TEAMS_APP_ID": Self.appID, "PUBLIC_URL": "https://accessbot.example.com",
        ]
        let run = try Self.run(Self.root.appendingPathComponent("scripts/package-teams-app.sh").path, [zip.path], environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == zip.path + "\n")

        let names = try Self.centralDirectoryNames(Data(contentsOf: zip))
        #expect(names.sorted() == ["color.png", "manifest.json", "outline.png"])
        #expect(names.allSatisfy { !$0.contains("/") })

        var bad = environment
        bad["TEAMS_APP_ID"] = "not-a-guid"
        let refused = try Self.run(Self.root.appendingPathComponent("scripts/package-teams-app.sh").path, [zip.path], bad)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("TEAMS_APP_ID"))
    }

    static func run(
        _ executable: String, _ arguments: [String], _ environment: [String: String]
    ) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        try ChildProcess.run(executable, arguments, environment: environment)
    }

    /// File names from a zip's central directory, found through the end-of-central-directory record.
    static func centralDirectoryNames(_ data: Data) throws -> [String] {
        let bytes = [UInt8](data)
        func uint16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        let end = try #require(
            stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1).first { uint32($0) == 0x0605_4b50 },
            "no end-of-central-directory record")
        let count = uint16(end + 10)
        var offset = uint32(end + 16)
        var names: [String] = []
        for _ in 0..<count {
            try #require(offset + 46 <= bytes.count && uint32(offset) == 0x0201_4b50, "bad central directory entry")
            let nameLength = uint16(offset + 28)
            let extraLength = uint16(offset + 30)
            let commentLength = uint16(offset + 32)
            names.append(String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self))
            offset += 46 + nameLength + extraLength + commentLength
        }
        return names
    }
}
