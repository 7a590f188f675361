import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real `grapevine serve` process on a free loopback port, with its own temporary store.
///
/// ```swift
/// let node = try NodeProcess.start(arguments: ["--token", "t", "--load", NodeProcess.sampleData])
/// defer { node.stop() }
/// let response = try await node.get("/sparql?query=ASK%7B%7D")
/// ```
///
/// `start` adds `serve --host 127.0.0.1 --port P --db TMP/store.sqlite` in front of `arguments`, waits
/// until `/status` answers (up to 30 s) and throws with the server's log if it does not. `stop()`
/// sends SIGTERM, waits for the process to exit (SIGKILL after 10 s) and removes the temporary
/// folder; it is safe to call twice, and `deinit` calls it.
///
/// For a node that must come back (a peer stopped and restarted on its own database and port),
/// `halt()` stops the process but keeps its folder, and `restart()` starts a new process on the
/// same folder, port, arguments and environment. `start(…, directory:, port:)` starts a node in
/// a folder the caller prepared (a configuration file, an identity made with `grapevine init`).
final class NodeProcess: @unchecked Sendable {
    /// `http://127.0.0.1:P` (no trailing slash).
    let baseURL: URL
    let port: Int
    /// The temporary folder holding the store (`store.sqlite`) and the server's log (`node.log`).
    let directory: String
    var databasePath: String { directory + "/store.sqlite" }
    var logPath: String { directory + "/node.log" }

    /// What `start` was given after `serve --host --port --db`, for `restart()`.
    let arguments: [String]
    let environment: [String: String]

    private let process: Process
    private let lock = NSLock()
    private var stopped = false

    /// The package's root folder (holding Package.swift).
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// `<package root>/SampleData`, for `--load`.
    static let sampleData = packageRoot + "/SampleData"

    /// The built `grapevine` executable: beside the test bundle, else `.build/debug/grapevine`.
    static let executable: String = {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("grapevine").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return packageRoot + "/.build/debug/grapevine"
    }()

    private init(process: Process, port: Int, directory: String, arguments: [String], environment: [String: String]) {
        self.process = process
        self.port = port
        self.directory = directory
        self.arguments = arguments
        self.environment = environment
        baseURL = URL(string: "http://127.0.0.1:\(port)")!
    }

    deinit { stop() }

    /// Starts `grapevine serve --host 127.0.0.1 --port P --db TMP/store.sqlite <arguments>`.
    /// `environment` is added to this process's own (without `GRAPEVINE_DB`, `GRAPEVINE_TOKEN`
    /// and `GRAPEVINE_NETWORK_KEY`).
    ///
    /// `directory` (created if missing) and `port` fix the folder and the port instead of fresh
    /// ones; a fixed port is not retried when it is taken.
    static func start(arguments: [String] = [], environment: [String: String] = [:],
                      timeout: TimeInterval = 30, directory fixedDirectory: String? = nil,
                      port fixedPort: Int? = nil) throws -> NodeProcess {
        var lastError: (any Error)?
        // A free port can be taken between choosing it and the server binding it: try again then.
        for _ in 0..<(fixedPort == nil ? 3 : 1) {
            let directory = fixedDirectory ?? NSTemporaryDirectory() + "grapevine-node-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let port = try fixedPort ?? freePort()
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["serve", "--host", "127.0.0.1", "--port", String(port),
                                 "--db", directory + "/store.sqlite"] + arguments
            var env = ProcessInfo.processInfo.environment
            env.removeValue(forKey: "GRAPEVINE_DB")
            env.removeValue(forKey: "GRAPEVINE_TOKEN")
            env.removeValue(forKey: "GRAPEVINE_NETWORK_KEY")
            for (key, value) in environment { env[key] = value }
            process.environment = env
            // The log goes to a file: a pipe nobody reads would fill up and block the server.
            // A restarted node appends to the log of its earlier runs.
            if !FileManager.default.fileExists(atPath: directory + "/node.log") {
                _ = FileManager.default.createFile(atPath: directory + "/node.log", contents: nil)
            }
            let log = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/node.log"))
            _ = try? log.seekToEnd()
            process.standardOutput = log
            process.standardError = log
            process.standardInput = FileHandle.nullDevice
            try process.run()
            try? log.close()
            let node = NodeProcess(process: process, port: port, directory: directory,
                                   arguments: arguments, environment: environment)
            do {
                try node.waitUntilReady(timeout: timeout)
                return node
            } catch {
                lastError = error
                let log = node.log
                if fixedDirectory == nil { node.stop() } else { node.halt() }
                // Only a port clash is worth another try.
                if !log.contains("in use") && !log.contains("EADDRINUSE") { throw error }
            }
        }
        throw lastError ?? NodeProcessError(message: "could not start grapevine serve")
    }

    /// Everything the server wrote to stdout and stderr so far.
    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    var isRunning: Bool { process.isRunning }

    /// The server's process id (for reading its memory use from /proc).
    var processIdentifier: Int32 { process.processIdentifier }

    /// SIGTERM, then wait (SIGKILL after `grace` seconds); removes the temporary folder.
    /// Returns the exit status (nil if it had to be killed or was already stopped).
    @discardableResult
    func stop(grace: TimeInterval = 10) -> Int32? {
        terminate(grace: grace, removingDirectory: true)
    }

    /// Like `stop()`, but keeps the folder (store, identity, peer list, log) for `restart()`.
    @discardableResult
    func halt(grace: TimeInterval = 10) -> Int32? {
        terminate(grace: grace, removingDirectory: false)
    }

    /// A new `grapevine serve` on this node's folder, port, arguments and environment (after
    /// `halt()`; a running node is halted first). The new process owns the folder from then on.
    func restart(timeout: TimeInterval = 30) throws -> NodeProcess {
        halt()
        return try NodeProcess.start(arguments: arguments, environment: environment, timeout: timeout,
                                     directory: directory, port: port)
    }

    private func terminate(grace: TimeInterval, removingDirectory: Bool) -> Int32? {
        lock.lock()
        if stopped { lock.unlock(); return nil }
        stopped = true
        lock.unlock()
        var status: Int32?
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            } else {
                process.waitUntilExit()
                status = process.terminationStatus
            }
        } else {
            status = process.terminationStatus
        }
        if removingDirectory { try? FileManager.default.removeItem(atPath: directory) }
        return status
    }

    /// `baseURL` + a path that may carry a query string (`/sparql?query=…`).
    func url(_ pathAndQuery: String) -> URL {
        URL(string: baseURL.absoluteString + pathAndQuery)!
    }

    private func waitUntilReady(timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !process.isRunning {
                throw NodeProcessError(message: "grapevine serve exited with status \(process.terminationStatus) before answering:\n\(log)")
            }
            if let response = try? HTTP.sendBlocking(method: "GET", url: url("/status"), timeout: 2),
               response.status == 200 {
                return
            }
            usleep(100_000)
        }
        throw NodeProcessError(message: "grapevine serve did not answer /status within \(Int(timeout)) s:\n\(log)")
    }

    /// A port nothing listens on now: bind port 0 on loopback and read what the kernel chose.
    private static func freePort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw NodeProcessError(message: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw NodeProcessError(message: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw NodeProcessError(message: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct NodeProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// One HTTP response, fully read.
struct HTTPResponse: Sendable {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
    /// The media type of Content-Type, lower-cased, without parameters.
    var mediaType: String? {
        header("content-type").map {
            $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
        }
    }
}

/// Plain HTTP requests through URLSession, without caches, cookies or redirects.
enum HTTP {
    private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask,
                        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
                        completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        return URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
    }()

    static func request(method: String, url: URL, headers: [String: String], body: Data?,
                        timeout: TimeInterval) -> URLRequest {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        return request
    }

    private final class Box: @unchecked Sendable {
        var result: Result<HTTPResponse, any Error> = .failure(NodeProcessError(message: "no response"))
    }

    private static func response(_ data: Data?, _ response: URLResponse?, _ error: (any Error)?) -> Result<HTTPResponse, any Error> {
        if let error { return .failure(error) }
        guard let http = response as? HTTPURLResponse else {
            return .failure(NodeProcessError(message: "not an HTTP response"))
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            headers["\(name)".lowercased()] = "\(value)"
        }
        return .success(HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data()))
    }

    /// Blocks the calling thread; for synchronous helpers only.
    static func sendBlocking(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
                             timeout: TimeInterval = 60) throws -> HTTPResponse {
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request(method: method, url: url, headers: headers, body: body, timeout: timeout)) {
            data, response, error in
            box.result = Self.response(data, response, error)
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.result.get()
    }

    static func send(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil,
                     timeout: TimeInterval = 60) async throws -> HTTPResponse {
        let request = request(method: method, url: url, headers: headers, body: body, timeout: timeout)
        return try await withCheckedThrowingContinuation { continuation in
            let task = session.dataTask(with: request) { data, response, error in
                continuation.resume(with: Self.response(data, response, error))
            }
            task.resume()
        }
    }
}

extension NodeProcess {
    /// Sends a request to this node; `pathAndQuery` starts with `/`.
    func send(_ method: String, _ pathAndQuery: String, headers: [String: String] = [:], body: Data? = nil,
              timeout: TimeInterval = 60) async throws -> HTTPResponse {
        try await HTTP.send(method: method, url: url(pathAndQuery), headers: headers, body: body, timeout: timeout)
    }

    func get(_ pathAndQuery: String, headers: [String: String] = [:]) async throws -> HTTPResponse {
        try await send("GET", pathAndQuery, headers: headers)
    }

    /// `/status` as a dictionary (`quads`, `descriptions`, …).
    func status() async throws -> [String: Any] {
        let response = try await get("/status")
        guard response.status == 200,
              let object = try JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw NodeProcessError(message: "/status answered \(response.status): \(response.text)")
        }
        return object
    }

    /// The number of quads in the store, from `/status`.
    func quadCount() async throws -> Int {
        guard let quads = try await status()["quads"] as? Int else {
            throw NodeProcessError(message: "/status has no quads count")
        }
        return quads
    }
}

extension HTTP {
    /// RFC 3986 unreserved characters; everything else is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes one query-string or form value (a space becomes `%20`).
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// `name=value&name=value`, each part percent-encoded: a query string or a form body.
    static func form(_ pairs: [(String, String)]) -> String {
        pairs.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }
}
