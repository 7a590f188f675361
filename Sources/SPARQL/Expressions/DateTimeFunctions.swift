import Foundation
import RDF

/// Functions on dates and times (§17.4.5): YEAR … SECONDS, TIMEZONE, TZ. They take an
/// xsd:dateTime; YEAR, MONTH, DAY, TIMEZONE and TZ also accept an xsd:date.
enum DateTimeFunctions {
    enum Field { case year, month, day, hours, minutes, seconds }

    static func field(_ field: Field, of term: Term) throws -> Term {
        let value = try dateTime(term, allowDate: [.year, .month, .day].contains(field))
        switch field {
        case .year: return ResultTerm.integer(value.year)
        case .month: return ResultTerm.integer(value.month)
        case .day: return ResultTerm.integer(value.day)
        case .hours: return ResultTerm.integer(value.hour)
        case .minutes: return ResultTerm.integer(value.minute)
        case .seconds: return NumericValue.decimal(value.second).term
        }
    }

    /// TIMEZONE: the offset as an xsd:dayTimeDuration; error when there is none.
    static func timezone(_ term: Term) throws -> Term {
        guard let duration = try dateTime(term, allowDate: true).timezoneDuration else {
            throw ExpressionError("\(term) has no timezone")
        }
        return .literal(duration, datatype: XSDDatatype.dayTimeDuration)
    }

    /// TZ: the timezone as written ("Z", "-08:00"), "" when there is none.
    static func tz(_ term: Term) throws -> Term {
        .literal(try dateTime(term, allowDate: true).timezoneLexical)
    }

    static func now(_ date: Date) -> Term {
        .literal(DateTimeValue(date).dateTimeLexical, datatype: XSDDatatype.dateTime)
    }

    private static func dateTime(_ term: Term, allowDate: Bool) throws -> DateTimeValue {
        if case .literal(let literal) = term, literal.language == nil {
            if literal.datatype == XSDDatatype.dateTime, let value = DateTimeValue(dateTime: literal.lexical) { return value }
            if allowDate, literal.datatype == XSDDatatype.date, let value = DateTimeValue(date: literal.lexical) { return value }
        }
        throw ExpressionError("\(term) is not an xsd:dateTime")
    }
}
