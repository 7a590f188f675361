import Hummingbird
import Metrics
import Prometheus

/// `/metrics`: every swift-metrics metric of the process (Hummingbird's request counters and
/// durations, the node's own) in the Prometheus text format.
enum MetricsRoutes {
    /// The process-wide registry; swift-metrics can be bootstrapped only once per process.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func register(on router: Router<BasicRequestContext>) {
        _ = registry
        router.get("/metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
    }
}
