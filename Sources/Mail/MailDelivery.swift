import Foundation

/// A way to hand mail to a mail server: SMTP (``SMTPDelivery``) or a local sendmail-compatible
/// program (``SendmailDelivery``).
///
/// Delivery never throws: every outcome, including a malformed address, is a ``DeliveryResult``
/// that tells the outbox whether to retry. Implementations do their blocking work off Swift's
/// cooperative thread pool.
public protocol MailDelivery: Sendable {
    /// Hands over already rendered message bytes (CRLF line ends) for the envelope's recipients.
    func deliver(_ message: Data, envelope: MailEnvelope) async -> DeliveryResult
}

extension MailDelivery {
    /// Renders `message` and delivers it to its `to` addresses. A message that cannot be rendered
    /// is a permanent failure: sending it again would fail again.
    public func deliver(_ message: MailMessage) async -> DeliveryResult {
        let data: Data
        do {
            data = try message.rendered()
        } catch {
            return .permanentFailure("\(error)")
        }
        return await deliver(data, envelope: message.envelope)
    }
}
