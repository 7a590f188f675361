import Dispatch
import Foundation

/// A delivery whose work blocks its thread (a libcurl session, a child program).
///
/// `deliver` runs it on a queue of its own, so a slow mail server never holds one of Swift
/// concurrency's few cooperative threads.
public protocol BlockingMailDelivery: MailDelivery {
    /// Delivers on the calling thread, blocking it until the server or program is done.
    func deliverSynchronously(_ message: Data, envelope: MailEnvelope) -> DeliveryResult
}

private let blockingDeliveries = DispatchQueue(label: "grapevine.mail.delivery", attributes: .concurrent)

extension BlockingMailDelivery {
    public func deliver(_ message: Data, envelope: MailEnvelope) async -> DeliveryResult {
        await withCheckedContinuation { continuation in
            blockingDeliveries.async {
                continuation.resume(returning: deliverSynchronously(message, envelope: envelope))
            }
        }
    }
}
