using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CeAdmin.Domain.Accounts;
using CeAdmin.Domain.Common;

namespace CeAdmin.Domain.Audit;

/// <summary>
/// Personal identifiers in the audit trail are masked as the grids mask them: 公民身份号码 as
/// 4401**********123X (any property named …IdNumber, and any text that is a valid ID number wherever it
/// appears), an account's mobile number as 138****5678. The log tells who changed which record, not
/// the identifiers themselves; the record holds those.
/// </summary>
public static class AuditMasking
{
    /// <summary>Chinese unescaped, enums by name: the auditor reads the JSON as it is.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A value of property <paramref name="name"/>, masked if it is an identifier.</summary>
    public static object? Mask(string name, object? value) => value is string text ? MaskText(name, text) : value;

    public static string MaskText(string? name, string text)
    {
        if (text.Length == 0) return text;
        if (name is not null && name.EndsWith("IdNumber", StringComparison.Ordinal)) return IdNumber.Mask(text);
        if (name is "PhoneNumber" && text.Length == 11) return UnitAccountService.MaskMobile(text);
        return text.Length == IdNumber.Length && IdNumber.IsValid(text) ? IdNumber.Mask(text) : text;
    }

    /// <summary>Serialises event details (a filter, counts) with every identifier in them masked.</summary>
    public static string Serialize(object? details)
    {
        if (details is null) return "";
        var node = JsonSerializer.SerializeToNode(details, details.GetType(), Json);
        return node is null ? "" : MaskNode(node, null).ToJsonString(Json);
    }

    /// <summary>Masks a JSON text (the rows written before masking existed).</summary>
    public static string MaskJson(string json)
    {
        if (string.IsNullOrWhiteSpace(json)) return json;
        try
        {
            var node = JsonNode.Parse(json);
            return node is null ? json : MaskNode(node, null).ToJsonString(Json);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    /// <summary>Masks in place; returns the node to keep (a masked string is a new value).</summary>
    private static JsonNode MaskNode(JsonNode node, string? name)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                    if (child is not null && MaskNode(child, key) is var kept && !ReferenceEquals(kept, child)) obj[key] = kept;
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is { } item && MaskNode(item, name) is var kept && !ReferenceEquals(kept, item)) array[i] = kept;
                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var masked = MaskText(name, text);
                return masked == text ? value : JsonValue.Create(masked);
            default:
                return node;
        }
    }
}
