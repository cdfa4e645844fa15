/// What an attribute must be, after parameters are filled in.
struct ExpectedAttribute: Sendable {
  let values: [AttributeValue]
  /// The expectation in words, as reports show it.
  let text: String

  init(values: [AttributeValue]) {
    self.values = values
    text =
      values.count == 1
      ? values[0].description : "one of " + values.map(\.description).joined(separator: ", ")
  }
}

/// An expected value with its parameters as slots of the run's ``ParameterPlan``, ready to
/// be filled in for each account.
enum PlannedValue: Sendable {
  case boolean(Bool)
  case text([Segment])

  enum Segment: Sendable {
    case literal(String)
    /// A parameter's slot; `nil` for a name the policy does not declare, which has no value.
    case parameter(slot: Int?)
  }

  init(_ value: ExpectedValue, parameters: ParameterPlan) {
    switch value {
    case .boolean(let flag): self = .boolean(flag)
    case .text(let template):
      self = .text(
        template.segments.map { segment in
          switch segment {
          case .literal(let text): return .literal(text)
          case .parameter(let name): return .parameter(slot: parameters.slot(named: name))
          }
        })
    }
  }

  /// The value with parameters substituted; `nil` if one has no value.
  func rendered(with parameters: ResolvedParameters) -> AttributeValue? {
    switch self {
    case .boolean(let flag): return .boolean(flag)
    case .text(let segments):
      var text = ""
      for segment in segments {
        switch segment {
        case .literal(let literal): text += literal
        case .parameter(let slot):
          guard let value = parameters.value(at: slot) else { return nil }
          text += value
        }
      }
      return .text(text)
    }
  }
}

extension AttributeRule {
  /// The expected values as the policy writes them; none for `any`.
  public var expectedValues: [ExpectedValue] {
    switch self {
    case .any: return []
    case .equals(let value): return [value]
    case .oneOf(let values): return values
    }
  }

  /// The parameters the expected values name, in order of appearance.
  var parameterNames: [String] {
    expectedValues.flatMap { value -> [String] in
      if case .text(let template) = value { return template.parameterNames }
      return []
    }
  }
}
