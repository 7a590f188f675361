import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Gossip
import Publishing
import RDFSyntax
import Testing

/// Real `grapevine serve` processes on loopback, each with its own database, identity and port,
/// gossiping every 0.2 s (see GossipNetworkSupport.swift for the cluster, the queries and the
/// test's own peer). Nothing here is mocked: publications go in through the CLI or HTTP, come out
/// through SPARQL, `grapevine peers` and `grapevine export`, and hostile input goes over HTTP in
/// the project's own wire format.
@Suite("Gossip between real grapevine serve processes", .serialized)
struct GossipNetworkTests {
    typealias Q = GossipQuery

    // MARK: 1, 2, 3 and 7: one five-node network

    /// One network carries the spread, replacement, retraction, expiry, publisher-FROM and
    /// stop/restart checks in sequence: starting five nodes and letting their membership settle
    /// costs more than any one check, and each phase starts from the state the last one left.
    @Test("five nodes: publications spread, are replaced, retracted and expire everywhere; stopped nodes catch up")
    func fiveNodeNetwork() async throws {
        let cluster = try GossipCluster()
        defer { cluster.stopAll() }
        // A chain A ← B ← C ← D ← E: each node is told of the one before it only (D through the
        // `peers:` key of its configuration file, the others with --peer). C takes writes over HTTP.
        let a = try cluster.start("A")
        try cluster.start("B", peers: [a.baseURL.absoluteString])
        try cluster.start("C", peers: [cluster["B"].baseURL.absoluteString], arguments: ["--token", GossipCluster.token])
        try cluster.start("D", configuration: "peers:\n  - \(cluster["C"].baseURL.absoluteString)\n")
        try cluster.start("E", peers: [cluster["D"].baseURL.absoluteString])
        let c = cluster["C"], e = cluster["E"]
        var ids: [String: String] = [:]
        for name in cluster.names { ids[name] = try await Q.peerID(cluster[name]) }
        #expect(Set(ids.values).count == 5, "every node has an identity of its own: \(ids)")
        #expect(ids.values.allSatisfy { PeerID($0) != nil }, "\(ids)")

        // ── 1. Publish on A through the CLI into its running database, and on C over HTTP.
        let aGraph = "https://gossip.test/a/catalogue", cGraph = "https://gossip.test/c/catalogue"
        let aV1 = try cluster.write("a-v1.ttl", Q.document([("https://gossip.test/a/1", "Alder tide tables v1")]))
        let printed = try GossipCluster.publish(into: a, aV1, graph: aGraph)
        #expect(printed.contains("published <\(aGraph)>"), "\(printed)")
        let put = try await c.send("PUT", "/store?graph=" + HTTP.encode(cGraph),
                                   headers: ["Authorization": "Bearer " + GossipCluster.token, "Content-Type": "text/turtle"],
                                   body: Q.document([("https://gossip.test/c/1", "Cedar survey")]))
        #expect((200..<300).contains(put.status), "PUT /store answered \(put.status): \(put.text)")

        let both = ["Alder tide tables v1", "Cedar survey"]
        guard await cluster.onEveryNode("both descriptions are answered by every node", { try await Q.titles($0) == both })
        else { return }
        for name in cluster.names {
            #expect(try await Q.descriptions(cluster[name]) == 2, "node \(name) holds two descriptions")
        }

        // Membership: every node comes to know the four others as alive (E was told of D only,
        // so knowing A is transitive), and `grapevine peers` shows it with what each has sent.
        let urls = Dictionary(uniqueKeysWithValues: cluster.names.map { ($0, cluster[$0].baseURL.absoluteString) })
        await cluster.onEveryNode("every node lists the four others alive") { node in
            let alive = Set(try ListedPeer.list(node).filter { $0.state == "alive" && $0.lastContact != nil }.map(\.address))
            return Set(urls.values).subtracting([node.baseURL.absoluteString]).isSubset(of: alive)
        }
        let listedByE = try ListedPeer.list(e)
        #expect(listedByE.contains { $0.address == urls["A"] && $0.id == ids["A"] },
                "E learned of A (and its id) without being told: \(listedByE)")
        #expect(listedByE.reduce(0) { $0 + $1.envelopesReceived } >= 2, "E received both envelopes from peers: \(listedByE)")
        #expect(listedByE.allSatisfy { $0.invalid == 0 && !$0.banned })
        let table = try GossipCluster.grapevine(["peers", "--db", e.databasePath]).stdout
        #expect(table.contains("STATE") && table.contains("alive") && table.contains(urls["A"]!), "\(table)")

        // The envelopes are passed on verbatim: what E (four hops from A) hands a peer is
        // byte for byte what A and C signed.
        let observer = TestPeer("observer")
        let heldByA = try await observer.exchange(with: a).envelopes.map(\.bytes)
        let heldByC = try await observer.exchange(with: c).envelopes.map(\.bytes)
        let heldByE = try await observer.exchange(with: e).envelopes.map(\.bytes)
        #expect(heldByE.count == 2)
        #expect(Set(heldByE) == Set(heldByA) && Set(heldByE) == Set(heldByC), "E re-gossips the signed bytes unchanged")
        let signed = heldByE.compactMap { try? Envelope.verified($0).header }
        #expect(Set(signed.map(\.graph)) == [aGraph, cGraph], "both envelopes verify: \(signed)")
        #expect(Set(signed.map(\.publisher.description)) == [ids["A"]!, ids["C"]!], "signed by their publishers' keys")

        // ── 7. FROM <urn:grapevine:publisher:ID> restricts a query to that publisher's graphs.
        #expect(try await Q.titles(e, from: PeerID.publisherIRIPrefix + ids["A"]!) == ["Alder tide tables v1"])
        #expect(try await Q.titles(e, from: PeerID.publisherIRIPrefix + ids["C"]!) == ["Cedar survey"])
        #expect(try await Q.titles(e, from: PeerID.publisherIRIPrefix + observer.id) == [], "a publisher with nothing here")
        let named = try await Q.select(e, "SELECT DISTINCT ?g FROM NAMED <\(PeerID.publisherIRIPrefix + ids["C"]!)> WHERE { GRAPH ?g { ?s ?p ?o } }")
        #expect(named.compactMap { $0["g"] } == [cGraph], "FROM NAMED of a publisher names its graphs: \(named)")

        // ── 2. A new version replaces the old one everywhere.
        let aV2 = try cluster.write("a-v2.ttl", Q.document([("https://gossip.test/a/1", "Alder tide tables v2"),
                                                            ("https://gossip.test/a/2", "Alder harbour charts")]))
        let replaced = try GossipCluster.publish(into: a, aV2, graph: aGraph)
        #expect(replaced.contains("replaced <\(aGraph)>"), "\(replaced)")
        let afterReplacement = ["Alder harbour charts", "Alder tide tables v2", "Cedar survey"]
        guard await cluster.onEveryNode("the new version replaces the old one", { try await Q.titles($0) == afterReplacement })
        else { return }

        // Retracting removes it everywhere.
        let retracted = try GossipCluster.grapevine(["retract", "--db", a.databasePath, aGraph]).stdout
        #expect(retracted.contains("retracted <\(aGraph)>"), "\(retracted)")
        guard await cluster.onEveryNode("the retraction removes it", { node in
            let (titles, count) = (try await Q.titles(node), try await Q.descriptions(node))
            return titles == ["Cedar survey"] && count == 1
        }) else { return }

        // A description that expires reaches every node, then disappears from every node.
        // (8 s rather than 3: it must reach all five nodes before it expires, on two busy cores.)
        let bGraph = "https://gossip.test/b/notice"
        let notice = try cluster.write("b-notice.ttl", Q.document([("https://gossip.test/b/1", "Birch notice")]))
        try GossipCluster.publish(into: cluster["B"], notice, graph: bGraph, ["--expires", "8s"])
        let published = Date()
        guard await cluster.onEveryNode("the expiring description arrives before it expires", timeout: 8, { node in
            try await Q.titles(node).contains("Birch notice")
        }) else { return }
        guard await cluster.onEveryNode("the expired description disappears", { node in
            let (titles, count) = (try await Q.titles(node), try await Q.descriptions(node))
            return titles == ["Cedar survey"] && count == 1
        }) else { return }
        #expect(Date().timeIntervalSince(published) >= 6, "it stayed until (about) its expiry")

        // ── 3. Stop two nodes (B and D: the chain is cut twice), publish, restart them: they catch up.
        cluster.halt("B")
        cluster.halt("D")
        await cluster.eventually("A notices that B stopped answering") {
            try ListedPeer.list(a).first { $0.address == urls["B"] }.map { $0.state == "suspect" || $0.state == "dead" } ?? false
        }
        let put2 = try await c.send("PUT", "/store?graph=" + HTTP.encode("https://gossip.test/c/second"),
                                    headers: ["Authorization": "Bearer " + GossipCluster.token, "Content-Type": "text/turtle"],
                                    body: Q.document([("https://gossip.test/c/2", "Cedar survey, second edition")]))
        #expect((200..<300).contains(put2.status), "\(put2.status): \(put2.text)")
        let elm = try cluster.write("e.ttl", Q.document([("https://gossip.test/e/1", "Elm orchard records")]))
        try GossipCluster.publish(into: e, elm, graph: "https://gossip.test/e/catalogue")
        let caughtUp = ["Cedar survey", "Cedar survey, second edition", "Elm orchard records"]
        // "Within seconds" holds for the nodes still up: two dead peers must not hold up the rest.
        guard await cluster.onEveryNode("the running nodes get both while B and D are down", on: ["A", "C", "E"], timeout: 15, {
            try await Q.titles($0) == caughtUp
        }) else { return }
        #expect(!cluster["B"].isRunning && !cluster["D"].isRunning)

        try cluster.restart("B")
        try cluster.restart("D")
        #expect(try await Q.peerID(cluster["B"]) == ids["B"], "a node is its database: B keeps its identity")
        #expect(try await Q.peerID(cluster["D"]) == ids["D"])
        await cluster.onEveryNode("the restarted nodes catch up", { node in
            let (titles, count) = (try await Q.titles(node), try await Q.descriptions(node))
            return titles == caughtUp && count == 3
        })
        await cluster.eventually("A sees B alive again") {
            try ListedPeer.list(a).first { $0.address == urls["B"] }?.state == "alive"
        }
    }

    // MARK: 4. Hostile input

    @Test("tampered, replayed, forged, oversized and garbage input is refused, logged and changes nothing; a persistent offender is banned")
    func hostileInputIsRefused() async throws {
        let cluster = try GossipCluster()
        defer { cluster.stopAll() }
        let a = try cluster.start("A")
        // B is the node under attack: envelopes over 64 KiB refused, messages over ~1.1 MiB too.
        let b = try cluster.start("B", peers: [a.baseURL.absoluteString],
                                  configuration: "max_envelope: 65536\ngossip_budget: 65536\n")
        let aID = try await Q.peerID(a)
        let graph = "https://gossip.test/a/catalogue"
        let observer = TestPeer("observer")

        func envelope(of graph: String, from node: NodeProcess) async throws -> [UInt8]? {
            try await observer.exchange(with: node).envelopes.map(\.bytes)
                .first { (try? Envelope(parsing: $0))?.header.graph == graph }
        }

        // Capture version 1 as B passes it on, then let A replace it.
        try GossipCluster.publish(into: a, try cluster.write("v1.ttl", Q.document([("https://gossip.test/a/1", "Alder v1")])), graph: graph)
        guard await cluster.onEveryNode("B receives version 1", on: ["B"], { try await Q.titles($0) == ["Alder v1"] }) else { return }
        let v1 = try #require(try await envelope(of: graph, from: b))
        #expect(v1 == (try await envelope(of: graph, from: a)), "B passes on A's bytes verbatim")
        try GossipCluster.publish(into: a, try cluster.write("v2.ttl", Q.document([("https://gossip.test/a/1", "Alder v2")])), graph: graph)
        guard await cluster.onEveryNode("B receives version 2", on: ["B"], { try await Q.titles($0) == ["Alder v2"] }) else { return }
        let v2 = try #require(try await envelope(of: graph, from: b))
        let parsedV2 = try Envelope.verified(v2)
        #expect(parsedV2.header.publisher.description == aID)
        #expect(try Envelope.verified(v1).header.version < parsedV2.header.version)

        let before = try b.exportNQuads()
        let descriptionsBefore = try await Q.descriptions(b)
        #expect(before.contains("Alder v2") && !before.contains("Alder v1"))
        let memoryBefore = b.residentKiB

        /// B's data is exactly what it was before the attacks.
        func expectUnchanged(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            #expect(try b.exportNQuads() == before, "\(what) changed B's data", sourceLocation: sourceLocation)
            #expect(try await Q.descriptions(b) == descriptionsBefore, "\(what) changed B's descriptions", sourceLocation: sourceLocation)
        }
        /// A `gossip:` line about the attack (naming one of `mentions`) appears in B's log.
        func expectLogged(_ what: String, after mark: Int, mentioning mentions: [String],
                          sourceLocation: SourceLocation = #_sourceLocation) async {
            await cluster.eventually("B logs \(what)", timeout: 5, sourceLocation: sourceLocation) {
                b.log(after: mark).split(separator: "\n").contains { line in
                    line.contains("gossip:") && mentions.contains { line.contains($0) }
                }
            }
        }

        // ── A captured valid envelope with one byte changed: in the body (the digest no longer
        // matches) and in the head (the signature no longer matches).
        var bodyTampered = v2
        bodyTampered[parsedV2.headLength + (v2.count - parsedV2.headLength) / 2] ^= 0x01
        var headTampered = v2
        let graphLine = Array("graph: \(graph)\n".utf8)
        let graphLineStart = try #require(headTampered.firstRange(of: graphLine)?.lowerBound)
        headTampered[graphLineStart + graphLine.count - 2] ^= 0x01   // the IRI's last character
        for (label, tampered, reason) in [("body", bodyTampered, "SHA-256"), ("head", headTampered, "signature")] {
            #expect(tampered.count == v2.count && zip(tampered, v2).filter { $0 != $1 }.count == 1)
            let tamperer = TestPeer("tamperer-\(label)")
            let mark = b.log.count
            let (response, report) = try await tamperer.push([tampered], to: b)
            #expect(response.status == 200, "\(response.status): \(response.text)")
            #expect(report?.accepted == 0 && report?.ignored == 0 && report?.invalid.count == 1, "\(String(describing: report))")
            #expect(report?.invalid.first?.contains(reason) == true, "a changed \(label) byte: \(String(describing: report?.invalid))")
            await expectLogged("the envelope with a changed \(label) byte", after: mark, mentioning: [tamperer.address, tamperer.id])
            try await expectUnchanged("an envelope with a changed \(label) byte")
        }

        // ── A replayed old version (captured before the replacement).
        do {
            let replayer = TestPeer("replayer")
            let mark = b.log.count
            let (response, report) = try await replayer.push([v1], to: b)
            #expect(response.status == 200, "\(response.status): \(response.text)")
            #expect(report == AcceptReport(accepted: 0, ignored: 1, invalid: []), "\(String(describing: report))")
            await expectLogged("the replayed old version", after: mark, mentioning: ["ignored", replayer.id, graph])
            try await expectUnchanged("a replayed old version")
        }

        // ── A forged publisher: an envelope for A's graph signed by another key, naming A as its
        // publisher (the signature does not verify) or naming the forger (A owns the graph).
        do {
            let forger = TestPeer("forger")
            let forged = try Envelope.sign(body: [UInt8](Q.document([("https://gossip.test/a/1", "Forged tide tables")])),
                                           graph: graph, version: 1_000, issued: Date(), syntax: .turtle, by: forger.identity)
            var claimingA = forged.bytes
            let publisherLine = Array("publisher: \(forger.id)\n".utf8)
            let start = try #require(claimingA.firstRange(of: publisherLine)?.lowerBound)
            claimingA.replaceSubrange(start..<(start + publisherLine.count), with: Array("publisher: \(aID)\n".utf8))

            var mark = b.log.count
            var (response, report) = try await forger.push([claimingA], to: b)
            #expect(response.status == 200, "\(response.status): \(response.text)")
            #expect(report?.accepted == 0 && report?.invalid.count == 1, "\(String(describing: report))")
            #expect(report?.invalid.first?.contains("signature") == true, "\(String(describing: report?.invalid))")
            await expectLogged("the envelope claiming A as publisher", after: mark, mentioning: [forger.address, forger.id])
            try await expectUnchanged("an envelope claiming A's key")

            mark = b.log.count
            (response, report) = try await forger.push([forged.bytes], to: b)
            #expect(response.status == 200, "\(response.status): \(response.text)")
            #expect(report?.accepted == 0 && (report?.ignored ?? 0) + (report?.invalid.count ?? 0) == 1, "\(String(describing: report))")
            await expectLogged("the forger's envelope for A's graph", after: mark, mentioning: [forger.id, graph])
            try await expectUnchanged("another publisher's envelope for A's graph")
        }

        // ── An oversized envelope (B accepts at most 64 KiB), and a message over B's limit.
        do {
            let bulky = TestPeer("bulky")
            let resources = (0..<700).map { ("https://gossip.test/bulk/\($0)", "Bulk resource \($0) " + String(repeating: "x", count: 80)) }
            let big = try Envelope.sign(body: [UInt8](Q.document(resources)), graph: "https://gossip.test/bulk", version: 1,
                                        issued: Date(), syntax: .turtle, by: bulky.identity)
            #expect(big.bytes.count > 65_536 && big.bytes.count < 1_000_000, "\(big.bytes.count) bytes")
            var mark = b.log.count
            let (response, report) = try await bulky.push([big.bytes], to: b)
            let refused = response.status == 400 || response.status == 413
                || (response.status == 200 && report?.accepted == 0 && report?.invalid.count == 1)
            #expect(refused, "an oversized envelope: \(response.status) \(String(describing: report)) \(response.text.prefix(200))")
            await expectLogged("the oversized envelope", after: mark, mentioning: [bulky.address, bulky.id])
            try await expectUnchanged("an oversized envelope")

            mark = b.log.count
            let huge = [UInt8](repeating: 0x47, count: 3 << 19)   // 1.5 MiB
            let tooLarge = try await bulky.post(huge, to: GossipHTTP.pushPath, on: b)
            #expect(tooLarge.status == 413, "a 1.5 MiB message: \(tooLarge.status) \(tooLarge.text.prefix(200))")
            await expectLogged("the message over the limit", after: mark, mentioning: [bulky.id])
            try await expectUnchanged("a message over the limit")
        }

        // ── Garbage on both gossip endpoints, from a peer that names itself and one that does not:
        // random bytes, a message cut short, a valid start that claims absurd counts, nothing.
        do {
            let garbler = TestPeer("garbler")
            var random = SystemRandomNumberGenerator()
            let noise = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
            let cut = Array(garbler.exchangeBody().dropLast(3))
            var absurd: [UInt8] = [0x47, 0x56, 1, 3] + garbler.identity.id.publicKey   // a push, then
            absurd += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]              // an address "2^62 bytes long"
            var manyEnvelopes: [UInt8] = [0x47, 0x56, 1, 3] + garbler.identity.id.publicKey + [4] + Array("http".utf8)
            manyEnvelopes += [0xFF, 0xFF, 0xFF, 0xFF, 0x0F] + [UInt8](repeating: 1, count: 64)   // "4 billion envelopes"
            let samples: [(String, [UInt8])] = [("random bytes", noise), ("a cut message", cut),
                                                ("an absurd length", absurd), ("an absurd count", manyEnvelopes), ("nothing", [])]
            for path in [GossipHTTP.exchangePath, GossipHTTP.pushPath] {
                for (label, bytes) in samples {
                    // Unsigned: refused before it is read, and held against no one.
                    var mark = b.log.count
                    let anonymous = try await garbler.post(bytes, to: path, on: b, sendsID: false, signs: false)
                    #expect(anonymous.status == 401, "unsigned \(label) to \(path): \(anonymous.status) \(anonymous.text.prefix(200))")
                    await expectLogged("unsigned \(label) to \(path)", after: mark, mentioning: ["refused \(path)"])
                    // Signed by a peer of its own (one each, so none reaches the ban): read and refused.
                    mark = b.log.count
                    let signed = try await TestPeer("garbler-\(label.count)-\(path.count)").post(bytes, to: path, on: b)
                    #expect(signed.status == 400, "\(label) to \(path): \(signed.status) \(signed.text.prefix(200))")
                    await expectLogged("\(label) to \(path)", after: mark, mentioning: ["refused \(path)"])
                }
            }
            // Named garbage counts against the name, twice here: below the ban limit.
            for bytes in [noise, cut] {
                let response = try await garbler.post(bytes, to: GossipHTTP.exchangePath, on: b)
                #expect(response.status == 400)
            }
            // Valid messages with random damage (bytes flipped, cut short, bytes inserted): each is
            // answered (400 when it no longer decodes, 200 or 403 when it does), none fails the node.
            let fuzzer = TestPeer("fuzzer")
            let originals = [fuzzer.exchangeBody(digest: Digest([parsedV2.header.publisher: 1])),
                             GossipCodec.encode(PushRequest(sender: fuzzer.record, envelopes: [EnvelopeData(v2), EnvelopeData(v1)]))]
            var statuses: [Int: Int] = [:]
            for round in 0..<120 {
                var bytes = originals[round % 2]
                switch round % 3 {
                case 0:
                    for _ in 0...Int.random(in: 0...3, using: &random) {
                        bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
                    }
                case 1:
                    bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &random)))
                default:
                    bytes.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: 0...bytes.count, using: &random))
                }
                let path = round % 2 == 0 ? GossipHTTP.exchangePath : GossipHTTP.pushPath
                let response = try await fuzzer.post(bytes, to: path, on: b)
                statuses[response.status, default: 0] += 1
                #expect([200, 400, 403].contains(response.status), "damaged message \(round) to \(path): \(response.status) \(response.text.prefix(200))")
            }
            #expect((statuses[400] ?? 0) > 0, "most damaged messages no longer decode: \(statuses)")
            // A flood of hostile messages leaves the node running, within bounded memory.
            for round in 0..<40 {
                _ = try await garbler.post(round.isMultiple(of: 2) ? absurd : manyEnvelopes, to: GossipHTTP.pushPath, on: b, sendsID: false)
            }
            #expect(b.isRunning)
            // Framing: garbage under A's id, signed by another key, is refused unread and is not
            // held against A (A's next publication still reaches B, checked at the end).
            let framer = PeerIdentity.generate()
            let victim = try await GossipQuery.peerID(a)
            for _ in 0..<5 {
                let junk = Array("junk".utf8)
                let framed = try await b.send("POST", GossipHTTP.exchangePath, headers: [
                    "Content-Type": GossipHTTP.contentType, GossipHTTP.peerHeader: victim,
                    GossipHTTP.signatureHeader: try PeerSignature.sign(path: GossipHTTP.exchangePath, body: junk, by: framer),
                ], body: Data(junk), timeout: 30)
                #expect(framed.status == 401, "garbage under A's id signed by another key: \(framed.status)")
            }
            if let memoryBefore, let memoryAfter = b.residentKiB {
                #expect(memoryAfter - memoryBefore < 100 * 1024, "B's memory grew from \(memoryBefore) KiB to \(memoryAfter) KiB")
            }
            try await expectUnchanged("garbage")
        }

        // ── A peer that keeps sending invalid data is banned: garbage under its id, or invalid
        // envelopes; afterwards even its well-formed requests get 403.
        do {
            let pest = TestPeer("pest")
            #expect(try await pest.post(pest.exchangeBody(), to: GossipHTTP.exchangePath, on: b).status == 200)
            let mark = b.log.count
            for _ in 0..<3 {
                #expect(try await pest.post(Array("not gossip".utf8), to: GossipHTTP.exchangePath, on: b).status == 400)
            }
            let refused = try await pest.post(pest.exchangeBody(), to: GossipHTTP.exchangePath, on: b)
            #expect(refused.status == 403, "a banned peer's exchange: \(refused.status) \(refused.text)")
            await expectLogged("the ban", after: mark, mentioning: ["banned"])

            let cheat = TestPeer("cheat")
            let (response, report) = try await cheat.push([bodyTampered, headTampered, bodyTampered], to: b)
            #expect(response.status == 200 && report?.invalid.count == 3, "\(response.status) \(String(describing: report))")
            let afterwards = try await cheat.post(cheat.exchangeBody(), to: GossipHTTP.exchangePath, on: b)
            #expect(afterwards.status == 403, "a banned peer's exchange: \(afterwards.status) \(afterwards.text)")
            let pushed = try await cheat.push([v2], to: b)
            #expect(pushed.response.status == 403, "a banned peer's push: \(pushed.response.status)")
            await cluster.eventually("`grapevine peers` on B shows the cheat banned", timeout: 10) {
                try ListedPeer.list(b).contains { $0.address == cheat.address && $0.banned && $0.invalid >= 3 }
            }
            try await expectUnchanged("a banned peer")
        }

        // After all that, B is up, holds what it held, and still gossips with A (not banned by
        // anything the attackers did): a third version arrives.
        #expect(b.isRunning)
        try GossipCluster.publish(into: a, try cluster.write("v3.ttl", Q.document([("https://gossip.test/a/1", "Alder v3")])), graph: graph)
        await cluster.onEveryNode("B still receives A's publications", on: ["B"]) { try await Q.titles($0) == ["Alder v3"] }
        #expect(!b.log.contains("Fatal error"))
    }

    // MARK: 5. Network key

    @Test("a network key keeps strangers out: members converge, requests without the key's proof are refused")
    func networkKey() async throws {
        let cluster = try GossipCluster()
        defer { cluster.stopAll() }
        let secret = "correct horse battery staple"
        // K1 reads the key from its configuration file, K2 from GRAPEVINE_NETWORK_KEY; the
        // stranger S has a key of its own and knows both members.
        let k1 = try cluster.start("K1", configuration: "network_key: \(secret)\n")
        let k2 = try cluster.start("K2", peers: [k1.baseURL.absoluteString], environment: ["GRAPEVINE_NETWORK_KEY": secret])
        let s = try cluster.start("S", peers: [k1.baseURL.absoluteString, k2.baseURL.absoluteString],
                                  configuration: "network_key: another secret\n")
        try GossipCluster.publish(into: k1, try cluster.write("k1.ttl", Q.document([("https://gossip.test/k1/1", "Kestrel logbook")])),
                                  graph: "https://gossip.test/k1")
        try GossipCluster.publish(into: s, try cluster.write("s.ttl", Q.document([("https://gossip.test/s/1", "Stranger's offer")])),
                                  graph: "https://gossip.test/s")
        guard await cluster.onEveryNode("the members converge", on: ["K1", "K2"], { try await Q.titles($0) == ["Kestrel logbook"] })
        else { return }
        // The stranger has tried (and been refused) by now; give it a few more rounds.
        await cluster.eventually("K1 refuses the stranger's gossip") {
            k1.log.contains("gossip: refused") && k1.log.contains("network proof is wrong")
        }
        try await Task.sleep(for: .seconds(1))
        #expect(try await Q.titles(s) == ["Stranger's offer"], "the stranger never receives the members' data")
        #expect(try await Q.titles(k1) == ["Kestrel logbook"], "nor do the members receive the stranger's")
        #expect(try await Q.titles(k2) == ["Kestrel logbook"])

        // Acting as a peer: with the key's proof an exchange is answered (and the answer proves
        // the key too); without a proof 401; with a wrong key's or a stale proof 403. Each logged.
        let key = NetworkKey(secret: secret)
        let member = TestPeer("member", key: key)
        let body = member.exchangeBody()
        let answered = try await member.post(body, to: GossipHTTP.exchangePath, on: k1)
        #expect(answered.status == 200, "\(answered.status): \(answered.text)")
        #expect(key.verify(answered.header(GossipHTTP.proofHeader), .response, path: GossipHTTP.exchangePath,
                           body: [UInt8](answered.body)) == .valid, "the answer carries the key's proof")
        #expect(try GossipCodec.decodeExchangeResponse([UInt8](answered.body)).envelopes.count == 1)

        let stranger = TestPeer("stranger")
        let cases: [(String, String?, Int)] = [
            ("no proof", nil, 401),
            ("a wrong key's proof", NetworkKey(secret: "guess").proof(.request, path: GossipHTTP.exchangePath, body: body), 403),
            ("a stale proof", key.proof(.request, path: GossipHTTP.exchangePath, body: body, at: Date().addingTimeInterval(-3600)), 403),
            ("a proof for another body", key.proof(.request, path: GossipHTTP.exchangePath, body: []), 403),
            ("a malformed proof", "t=1;mac=%%%", 403),
        ]
        for (label, proof, status) in cases {
            let mark = k1.log.count
            let response = try await stranger.post(body, to: GossipHTTP.exchangePath, on: k1, proof: proof)
            #expect(response.status == status, "\(label): \(response.status) \(response.text)")
            #expect(!response.body.starts(with: [0x47, 0x56]), "\(label): no gossip in the answer")
            await cluster.eventually("K1 logs the refusal of \(label)", timeout: 5) {
                k1.log(after: mark).contains("gossip: refused \(GossipHTTP.exchangePath) from peer \(stranger.id)")
            }
        }
        let pushed = try await stranger.post(GossipCodec.encode(PushRequest(sender: stranger.record, envelopes: [])),
                                             to: GossipHTTP.pushPath, on: k2)
        #expect(pushed.status == 401, "a push without the proof: \(pushed.status)")
        #expect(try await Q.titles(k1) == ["Kestrel logbook"])

        // The members know each other; neither the stranger node nor the refused test peer got
        // into their membership.
        let sID = try await Q.peerID(s)
        for member in [k1, k2] {
            let listed = try ListedPeer.list(member)
            #expect(listed.contains { $0.state == "alive" && ($0.address == k1.baseURL.absoluteString || $0.address == k2.baseURL.absoluteString) })
            #expect(!listed.contains { $0.id == sID || $0.address == s.baseURL.absoluteString || $0.id == stranger.id },
                    "a stranger in a member's peer list: \(listed.map(\.address))")
        }
    }

    // MARK: 6. Trust

    @Test("a node that trusts only A stores A's descriptions and not C's; init and whoami name the identity")
    func trustedPublishersOnly() async throws {
        let cluster = try GossipCluster()
        defer { cluster.stopAll() }
        // A's identity is made ahead with `grapevine init`, so T's configuration can name it.
        let directoryA = try cluster.newDirectory("A")
        let databaseA = directoryA + "/store.sqlite"
        let aID = try GossipCluster.grapevine(["init", "--db", databaseA]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(PeerID(aID) != nil, "init prints a peer id: \(aID)")
        #expect(try GossipCluster.grapevine(["whoami", "--db", databaseA]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == aID)
        let again = try ProtocolCommand.run(NodeProcess.executable, ["init", "--db", databaseA])
        #expect(again.status != 0, "init never replaces a key")
        #expect(try GossipCluster.grapevine(["whoami", "--db", databaseA]).stdout.contains(aID))

        let a = try cluster.start("A", directory: directoryA)
        #expect(try await Q.peerID(a) == aID, "the node signs with the key init made")
        let c = try cluster.start("C", peers: [a.baseURL.absoluteString])
        let cID = try #require(PeerID(try await Q.peerID(c)))
        let t = try cluster.start("T", peers: [a.baseURL.absoluteString, c.baseURL.absoluteString],
                                  configuration: "trust:\n  - \(aID)\n")
        try GossipCluster.publish(into: a, try cluster.write("a.ttl", Q.document([("https://gossip.test/a/1", "Alder tide tables")])),
                                  graph: "https://gossip.test/a")
        try GossipCluster.publish(into: c, try cluster.write("c.ttl", Q.document([("https://gossip.test/c/1", "Cedar survey")])),
                                  graph: "https://gossip.test/c")
        let both = ["Alder tide tables", "Cedar survey"]
        guard await cluster.onEveryNode("A and C exchange both", on: ["A", "C"], { try await Q.titles($0) == both }) else { return }
        // T has been offered C's envelope once its digest records C's version (an untrusted
        // publisher's envelope is ignored, but remembered so it is not offered again).
        let observer = TestPeer("observer")
        await cluster.eventually("T stores A's and has been offered C's") {
            let titles = try await Q.titles(t)
            let digest = try await observer.exchange(with: t).digest
            return titles == ["Alder tide tables"] && digest[cID] >= 1
        }
        #expect(try await Q.titles(t) == ["Alder tide tables"], "T stores only what A publishes")
        #expect(try await Q.descriptions(t) == 1)
        #expect(try await observer.exchange(with: t).envelopes.count == 1, "and passes on only that")
    }
}
