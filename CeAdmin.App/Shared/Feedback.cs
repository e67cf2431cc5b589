using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;

namespace CeAdmin.App.Shared;

/// <summary>
/// How messages appear (one place, for every page): at the top centre, never over a form's 保存 at the bottom
/// right; at most three at once, the newest on top, the same text never twice; a success or an information
/// fades after 3 s and a warning after 5 s, an error stays until it is closed; only a success follows the user to
/// the page its action led to. A form's field errors stay at their fields, with at most one summary message (<see cref="FormValidation{T}"/>).
/// </summary>
public static class Feedback
{
    public const int MaxShown = 3;
    public const int SuccessMilliseconds = 3_000;
    public const int WarningMilliseconds = 5_000;

    /// <summary>MudBlazor's services with this configuration; the app and the component tests call it.</summary>
    public static IServiceCollection AddCeAdminFeedback(this IServiceCollection services)
    {
        services.AddMudServices(c =>
        {
            var s = c.SnackbarConfiguration;
            s.PositionClass = Defaults.Classes.Position.TopCenter;
            s.MaxDisplayedSnackbars = MaxShown;
            s.PreventDuplicates = true;
            s.NewestOnTop = true;
            s.ShowCloseIcon = true;
            s.VisibleStateDuration = SuccessMilliseconds;
        });
        // MudBlazor takes one duration for all: its service behind one that sets each severity's.
        services.TryAddScoped<SnackbarService>();
        services.Replace(ServiceDescriptor.Scoped<ISnackbar, SeveritySnackbar>());
        return services;
    }

    /// <summary>The options a message of <paramref name="severity"/> starts with; a caller's own configure comes after.</summary>
    public static void OptionsFor(Severity severity, SnackbarOptions options)
    {
        // An error or warning belongs to the page it was shown on; a success often announces the very action that
        // navigates away (审核完成 → back to the grid), so it goes along and fades on its own.
        options.CloseAfterNavigation = severity is Severity.Error or Severity.Warning;
        switch (severity)
        {
            case Severity.Error:
                options.RequireInteraction = true;
                break;
            case Severity.Warning:
                options.RequireInteraction = false;
                options.VisibleStateDuration = WarningMilliseconds;
                break;
            default:
                options.RequireInteraction = false;
                options.VisibleStateDuration = SuccessMilliseconds;
                break;
        }
    }
}

/// <summary>MudBlazor's snackbar service with <see cref="Feedback.OptionsFor"/> applied to every message.</summary>
internal sealed class SeveritySnackbar(SnackbarService inner) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public SnackbarConfiguration Configuration => inner.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        MakeRoomFor(severity).Add(message, severity, With(severity, configure), key);

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        MakeRoomFor(severity).Add(message, severity, With(severity, configure), key);

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null) =>
        MakeRoomFor(severity).Add(message, severity, With(severity, configure), key);

    public Snackbar? Add<T>(Dictionary<string, object>? componentParameters = null, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
        where T : IComponent =>
        inner.Add<T>(componentParameters, severity, With(severity, configure), key);

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    // The inner service is disposed by the container that made it.
    public void Dispose()
    {
    }

    /// <summary>
    /// A new message is seen at once, never queued: an error or a warning clears the successes the user has already
    /// read (they fade, but a pointer resting on them pauses their timers), and a success replaces the oldest one.
    /// </summary>
    private SnackbarService MakeRoomFor(Severity severity)
    {
        var passing = inner.ShownSnackbars.Where(x => x.Severity is Severity.Success or Severity.Info or Severity.Normal).ToList();
        if (severity is Severity.Error or Severity.Warning)
        {
            foreach (var shown in passing) inner.Remove(shown);
            return inner;
        }
        // A new outcome never queues behind older ones: the oldest success goes when all places are taken.
        var excess = inner.ShownSnackbars.Count() - (Feedback.MaxShown - 1);
        foreach (var shown in passing.Take(Math.Max(0, excess))) inner.Remove(shown);
        return inner;
    }

    private static Action<SnackbarOptions> With(Severity severity, Action<SnackbarOptions>? configure) => options =>
    {
        Feedback.OptionsFor(severity, options);
        configure?.Invoke(options);
    };
}
