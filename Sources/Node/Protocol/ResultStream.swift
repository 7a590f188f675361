import Hummingbird
import RDF
import SPARQL

/// Writes a query result to a response body a chunk at a time, so a large answer is never held
/// twice (once as terms, once as text) and the first bytes leave before the last are written.
///
/// The format's writer runs in `BlockingWork` (Raptor writes the graph formats); each step writes
/// rows until about `chunkSize` bytes are ready, then the chunk goes to the client.
final class ResultStream: @unchecked Sendable {
    /// Where the writer's output collects between chunks.
    private final class Pending {
        var bytes: [UInt8] = []
    }

    private let result: QueryResult
    private let writer: any ResultWriter
    private let pending: Pending
    private var position = 0
    private var started = false
    private var finished = false
    private let chunkSize: Int

    init(result: QueryResult, format: ResultFormat, chunkSize: Int = 1 << 16) {
        self.result = result
        self.chunkSize = chunkSize
        let pending = Pending()
        self.pending = pending
        writer = format.writer(to: ResultOutput(bufferSize: chunkSize) { bytes in
            pending.bytes.append(contentsOf: bytes)
        })
    }

    /// The response body: chunks written in order, the writer finished at the end.
    func body() -> ResponseBody {
        ResponseBody { bodyWriter in
            while let chunk = try await BlockingWork.run({ try self.nextChunk() }) {
                try await bodyWriter.write(ByteBuffer(bytes: chunk))
            }
            try await bodyWriter.finish(nil)
        }
    }

    /// The next bytes to send; nil once everything has been sent.
    private func nextChunk() throws -> [UInt8]? {
        while pending.bytes.count < chunkSize && !finished {
            try step()
        }
        let chunk = pending.bytes
        pending.bytes.removeAll(keepingCapacity: true)
        return chunk.isEmpty ? nil : chunk
    }

    /// Writes a batch of the result; finishes the writer after the last.
    private func step() throws {
        let batch = 256
        switch result {
        case .solutions(let table):
            if !started {
                started = true
                try writer.begin(variables: table.variables)
            }
            let end = min(table.rows.count, position + batch)
            while position < end {
                try writer.write(solution: table.rows[position])
                position += 1
            }
            if position == table.rows.count { try finishWriter() }
        case .boolean(let value):
            try writer.write(boolean: value)
            try finishWriter()
        case .graph(let triples):
            let end = min(triples.count, position + batch)
            while position < end {
                try writer.write(triple: triples[position])
                position += 1
            }
            if position == triples.count { try finishWriter() }
        }
    }

    private func finishWriter() throws {
        try writer.finish()
        finished = true
    }
}
