using Dashboard.Senders.Idibu;
using Dashboard.Tests.Fixtures;

namespace Dashboard.Tests.Senders.Idibu;

public sealed class IdibuPayloadParserTests
{
    private static IdibuParseResult Parse(string fixture, string? contentType = "application/json", string? header = null) =>
        IdibuPayloadParser.Parse(FixtureFile.Read("Idibu/" + fixture), contentType, header);

    private static IdibuCandidateSnapshot Candidate(string fixture) =>
        Assert.IsType<IdibuCandidateSnapshot>(Parse(fixture).Delivery);

    [Fact]
    public void SeedExampleReadsEveryFieldTheFiguresUse()
    {
        var candidate = Candidate("candidate-seed-2024.json");

        Assert.Equal("candidate.create", candidate.EventName);
        Assert.Equal("12345", candidate.CandidateId);
        Assert.Equal("Aptrack Test Feed", candidate.Source);
        Assert.Equal("456", candidate.Consultant!.ProfileId);
        Assert.Equal("Tim Parker", candidate.Consultant.DisplayName);
        Assert.Equal(new DateTimeOffset(2024, 10, 17, 14, 53, 12, TimeSpan.Zero), candidate.SnapshotAt);
        Assert.Equal(new DateTimeOffset(2024, 10, 17, 14, 53, 12, TimeSpan.Zero), candidate.CreatedAt);
        var vacancy = Assert.Single(candidate.Vacancies);
        Assert.Equal(("98765", "TP-1234", "Recruitment Consultant"), (vacancy.VacancyId, vacancy.Reference, vacancy.Title));
        Assert.Equal(new IdibuStatus("default", "11", "Applicants"), vacancy.Status);
        Assert.Null(candidate.Location);
    }

    [Fact]
    public void BodyEventWinsOverTheContradictingHeader()
    {
        var result = Parse("candidate-seed-2024.json", header: "candidate-extend.update");
        Assert.Equal("candidate.create", result.Delivery!.EventName);
    }

    [Fact]
    public void LegacyStatusWithoutLabelKeepsTypeAndIdAndZonelessDatesAreUtc()
    {
        var candidate = Candidate("candidate-legacy-2017.json");

        Assert.Equal(new IdibuStatus("default", "10", null), candidate.Vacancies[0].Status);
        Assert.Equal(new DateTimeOffset(2017, 6, 28, 15, 57, 55, TimeSpan.Zero), candidate.CreatedAt);
        Assert.Equal(new DateTimeOffset(2017, 6, 28, 15, 57, 55, TimeSpan.Zero), candidate.SnapshotAt);
    }

    [Fact]
    public void StatusIdTypeLabelShapeIsRead()
    {
        var status = Candidate("candidate-status-id-type-label.json").Vacancies[0].Status;
        Assert.Equal(new IdibuStatus("extra", "239", "Invite in for Interview"), status);
        Assert.Equal("extra:239", status!.Key);
    }

    [Fact]
    public void CustomFieldsOutsideThePayloadDoNotDisturbIt()
    {
        var candidate = Candidate("candidate-custom-fields-outside.json");
        Assert.Equal("12347", candidate.CandidateId);
        Assert.Equal("Shortlist", candidate.Vacancies[0].Status!.Label);
    }

    [Fact]
    public void AdvancedPayloadGivesTheCandidatesOwnPlace()
    {
        Assert.Equal(new IdibuPlace("Leeds", "GB"), Candidate("candidate-advanced-location.json").Location);
    }

    [Fact]
    public void ZeroCoordinatesAndBlankFieldsMeanNoPlace()
    {
        var candidate = Candidate("candidate-advanced-unknown-location.json");
        Assert.Null(candidate.Location);
        Assert.Null(candidate.Source);
        Assert.Null(candidate.CreatedAt);
    }

    [Fact]
    public void NumericIdsAreReadAsText()
    {
        var candidate = Candidate("candidate-numeric-ids.json");
        Assert.Equal("12350", candidate.CandidateId);
        Assert.Equal("456", candidate.Consultant!.ProfileId);
        Assert.Equal(new IdibuStatus("default", "11", "Applicants"), candidate.Vacancies[0].Status);
    }

    [Fact]
    public void VacancyAddedIn2018StyleUsesRequestDataAndTheHeader()
    {
        var vacancy = Assert.IsType<IdibuVacancySnapshot>(Parse("vacancy-added-request-data-2018.json", header: "added.vacancy").Delivery);

        Assert.Equal("vacancy.create", vacancy.EventName);
        Assert.Equal("98765", vacancy.VacancyId);
        Assert.Equal(new IdibuPlace("London", "GB"), vacancy.Location);
        Assert.Null(vacancy.SnapshotAt);
    }

    [Fact]
    public void VacancyUpdateReadsPlaceCountryAndStatus()
    {
        var vacancy = Assert.IsType<IdibuVacancySnapshot>(Parse("vacancy-updated-location-object.json", header: "update.vacancy").Delivery);

        Assert.Equal("vacancy.update", vacancy.EventName);
        Assert.Equal(new IdibuPlace("Manchester", "GB"), vacancy.Location);
        Assert.Equal("placed", vacancy.Status);
        Assert.Equal("Payroll Specialist", vacancy.Title);
    }

    [Theory]
    [InlineData("candidate-without-id.json", "application/json", "no candidate id")]
    [InlineData("form-body.txt", "application/x-www-form-urlencoded", "choose JSON")]
    [InlineData("form-body.txt", null, "form-encoded")]
    [InlineData("malformed.json", "application/json", "not valid JSON")]
    public void WhatCannotBeUsedIsQuarantinedWithAReason(string fixture, string? contentType, string reason)
    {
        var result = Parse(fixture, contentType);
        Assert.Null(result.Delivery);
        Assert.Contains(reason, result.QuarantineReason);
    }

    [Theory]
    [InlineData("", "empty body")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("\"text\"", "expected a JSON object")]
    [InlineData("{\"payload\":{\"id\":\"1\"},\"payload-information\":{\"webhook_event\":\"search.run\"}}", "unknown event 'search.run'")]
    [InlineData("{\"payload-information\":{\"webhook_event\":\"candidate.update\"}}", "no payload")]
    public void OddBodiesAreQuarantinedNotThrown(string body, string reason)
    {
        var result = IdibuPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(body), "application/json", null);
        Assert.Contains(reason, result.QuarantineReason);
    }

    [Fact]
    public void DeepNestingIsQuarantined()
    {
        var body = new string('[', 10_000) + new string(']', 10_000);
        Assert.Contains("nested too deeply", IdibuPayloadParser.Parse(System.Text.Encoding.UTF8.GetBytes(body), null, null).QuarantineReason);
    }

    [Fact]
    public void AByteOrderMarkIsIgnored()
    {
        var body = System.Text.Encoding.UTF8.GetPreamble().Concat(FixtureFile.Read("Idibu/candidate-seed-2024.json")).ToArray();
        Assert.NotNull(IdibuPayloadParser.Parse(body, "application/json", null).Delivery);
    }

    [Fact]
    public void WithoutAnyEventNameTheShapeDecides()
    {
        var body = """{"payload":{"id":"7","firstname":"A","vacancies":[]}}"""u8.ToArray();
        Assert.IsType<IdibuCandidateSnapshot>(IdibuPayloadParser.Parse(body, null, null).Delivery);
    }
}
