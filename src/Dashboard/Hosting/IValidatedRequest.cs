namespace Dashboard.Hosting;

/// <summary>
/// A request type that knows its own rules (required lists, no empty names…). <see cref="RequestChecks"/> asks it
/// before the endpoint runs, so a body that binds but makes no sense is answered 400, never met by a service.
/// </summary>
public interface IValidatedRequest
{
    ParameterProblem? FirstProblem();
}
