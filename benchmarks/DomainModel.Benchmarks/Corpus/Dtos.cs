using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Serialization;

namespace DomainModel.Benchmarks.Corpus;

// The synthetic corpus as plain objects. The same instances are written as YAML (the generator's
// input) and as JSON, and the run-time loaders read them back into these classes: both sides of
// every comparison hold the same facts. Property order is the YAML key order.

public abstract class FactDto
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public List<string> Evidence { get; set; } = new();

    public string? Note { get; set; }
}

public sealed class CountryDto : FactDto
{
    public List<string>? Aliases { get; set; }

    public bool? Historical { get; set; }
}

public sealed class LeaderDto : FactDto
{
    public string? Country { get; set; }

    public List<string>? Epithets { get; set; }

    public long? AgeReported { get; set; }

    public string? AgeReportedOn { get; set; }

    public string? RelativeOf { get; set; }

    public string? Protection { get; set; }

    public bool? HealthConfirmed { get; set; }
}

public sealed class AgreementDto : FactDto
{
    public string AgreementType { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Date { get; set; }

    public List<string>? Parties { get; set; }

    public string? Provider { get; set; }

    public string? AnnouncedBy { get; set; }

    public string? Amount { get; set; }

    public string? Quantity { get; set; }

    public string? Share { get; set; }

    public List<string>? Sectors { get; set; }

    public List<string>? Bases { get; set; }

    public string? Event { get; set; }

    public string? Purpose { get; set; }
}

public sealed class BaseDto : FactDto
{
    public List<string>? Aliases { get; set; }

    public string BaseType { get; set; } = "";

    public string? HostCountry { get; set; }

    public string? OperatingCountry { get; set; }

    public bool? OnlyOutpost { get; set; }

    public string? Personnel { get; set; }

    public List<string>? UpgradeAgreements { get; set; }

    public string? LeaseAgreement { get; set; }
}

public sealed class EventDto : FactDto
{
    public string EventType { get; set; } = "";

    public string? Date { get; set; }

    public string? EndDate { get; set; }

    public string? Duration { get; set; }

    public List<string>? Countries { get; set; }

    public List<string>? Participants { get; set; }

    public string? Turnout { get; set; }

    public long? GunSalute { get; set; }

    public string? Description { get; set; }

    public string? Precedes { get; set; }
}

/// <summary>One facts file: the kind, its default document and its facts.</summary>
public sealed class FactsFileDto<T>
    where T : FactDto
{
    public string Kind { get; set; } = "";

    public string Document { get; set; } = "";

    public List<T> Facts { get; set; } = new();
}

/// <summary>System.Text.Json, source-generated (no reflection at run time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FactsFileDto<CountryDto>))]
[JsonSerializable(typeof(FactsFileDto<LeaderDto>))]
[JsonSerializable(typeof(FactsFileDto<AgreementDto>))]
[JsonSerializable(typeof(FactsFileDto<BaseDto>))]
[JsonSerializable(typeof(FactsFileDto<EventDto>))]
public sealed partial class CorpusJsonContext : JsonSerializerContext
{
}
