import Foundation
import Mail
import Node
import Publishing
import RedRover
import Testing

@Suite("Node configuration: the rover: settings and trusted hubs")
struct NodeConfigurationRoverTests {
    static let hubA = PeerIdentity.generate().id.description
    static let hubB = PeerIdentity.generate().id.description

    /// Writes `yaml` to a fresh file and reads it back.
    static func load(_ yaml: String) throws -> NodeConfiguration {
        try NodeConfiguration.load(from: try file(yaml))
    }

    static func file(_ yaml: String) throws -> String {
        let path = NSTemporaryDirectory() + "grapevine-config-\(UUID().uuidString).yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("every rover setting, the hubs and the store are read, checked and typed")
    func readsEverything() throws {
        let configuration = try Self.load("""
            db: /var/lib/grapevine/hub.sqlite
            port: 9000
            query_timeout: 0.5
            hubs:
              - \(Self.hubA)
              - \(Self.hubB)
            rover:
              from: Red Rover <hub@example.org>
              hub_name: Rover of the Reeds
              scatter: 2
              smtp: smtp://hub:s3cret@mail.example.org:587
              starttls: required
              ca_file: /etc/grapevine/ca.pem
              every: 12h
              limit: 25
            """)
        #expect(configuration.databasePath == "/var/lib/grapevine/hub.sqlite")
        #expect(configuration.port == 9000)
        #expect(configuration.queryTimeout == 0.5)
        #expect(configuration.hubs.map(\.description) == [Self.hubA, Self.hubB])
        let rover = configuration.rover
        #expect(rover.from == (try MailAddress("hub@example.org", name: "Red Rover")))
        #expect(rover.hubName == "Rover of the Reeds")
        #expect(rover.scatter == 2)
        #expect(rover.smtp == "smtp://hub:s3cret@mail.example.org:587")
        #expect(rover.sendmail == nil)
        #expect(rover.startTLS == .required)
        #expect(rover.caFile == "/etc/grapevine/ca.pem")
        #expect(rover.every == (try Cadence(parsing: "12h")))
        #expect(rover.limit == 25)
    }

    @Test("without rover: or hubs: nothing is set; an empty hubs: is an empty list; one hub may stand alone")
    func defaults() throws {
        let plain = try Self.load("port: 8471\n")
        #expect(plain.rover == RoverConfiguration())
        #expect(plain.hubs.isEmpty)
        #expect(try Self.load("hubs:\n").hubs.isEmpty)
        #expect(try Self.load("hubs: \(Self.hubA)\n").hubs.map(\.description) == [Self.hubA])
        #expect(try Self.load("rover:\n  sendmail: /usr/sbin/sendmail\n").rover.sendmail == "/usr/sbin/sendmail")
        #expect(try Self.load("").rover == RoverConfiguration())
    }

    /// Bad files, each with the line and the words its error must name.
    static let refused: [(yaml: String, line: Int, says: [String])] = [
        ("rover:\n  smtpp: smtp://mail.example.org\n", 2, ["unknown key 'rover.smtpp'", "smtp, sendmail"]),
        ("prot: 9000\n", 1, ["unknown key 'prot'"]),
        ("rover:\n  from: not an address\n", 2, ["'rover.from'", "not a mail address"]),
        ("rover:\n  hub_name: Rover <the best>\n", 2, ["'rover.hub_name'", "without < or >"]),
        ("rover:\n  scatter: 0\n", 2, ["'rover.scatter'", "at least 1"]),
        ("rover:\n  scatter: three\n", 2, ["'rover.scatter'", "whole number", "'three'"]),
        ("rover:\n  limit: 500\n", 2, ["'rover.limit'", "between 1 and 100"]),
        ("rover:\n  every: fortnightly\n", 2, ["'rover.every'", "30m, 12h, 1d"]),
        ("rover:\n  starttls: sometimes\n", 2, ["'rover.starttls'", "opportunistic, required or never"]),
        ("rover:\n  smtp: http://hub:hunter2@mail.example.org\n", 2, ["'rover.smtp'", "scheme must be smtp or smtps"]),
        ("rover:\n  from: hub@example.org\n  smtp: smtp://mail.example.org\n  sendmail: /usr/sbin/sendmail\n", 1,
         ["'rover'", "both smtp and sendmail"]),
        ("rover: hub@example.org\n", 1, ["'rover'", "must be a mapping"]),
        ("rover:\n  scatter: 2\n  scatter: 3\n", 2, ["'scatter' twice"]),
        ("hubs:\n  - \(hubA)\n  - not-a-peer\n", 3, ["'hubs[2]'", "'not-a-peer'", "peer id"]),
        ("hubs: [\(hubA), [nested]]\n", 1, ["'hubs[2]'", "single value"]),
        ("port: [1, 2]\n", 1, ["'port'", "whole number"]),
    ]

    @Test("a bad key or value is refused, naming the file, the line and the key", arguments: refused.indices)
    func refusesNaming(case index: Int) throws {
        let (yaml, line, says) = Self.refused[index]
        let path = try Self.file(yaml)
        let error = try #require(throws: ConfigurationError.self) { try NodeConfiguration.load(from: path) }
        #expect(error.path == path)
        #expect(error.line == line, "\(error)")
        let text = error.description
        #expect(text.hasPrefix("\(path) line \(line): "), "\(text)")
        for words in says { #expect(text.contains(words), "\(text) does not say \(words)") }
    }

    @Test("an SMTP URL's password is never repeated in an error")
    func passwordStaysOut() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try Self.load("rover:\n  smtp: smtps://hub:hunter2@\n")
        }
        #expect(error.description.contains("'rover.smtp'"))
        #expect(!error.description.contains("hunter2"), "\(error)")
    }

    @Test("a file that is not YAML, or not there, is refused by name")
    func unreadable() throws {
        let path = try Self.file("rover: [unclosed\n")
        let notYAML = try #require(throws: ConfigurationError.self) { try NodeConfiguration.load(from: path) }
        #expect(notYAML.description.hasPrefix(path + " line 2: not YAML"), "\(notYAML)")
        let missing = NSTemporaryDirectory() + "grapevine-no-such-\(UUID().uuidString).yaml"
        let absent = try #require(throws: ConfigurationError.self) { try NodeConfiguration.load(from: missing) }
        #expect(absent.description.hasPrefix(missing + ": cannot read"), "\(absent)")
    }
}
