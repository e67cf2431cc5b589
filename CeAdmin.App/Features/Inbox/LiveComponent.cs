using CeAdmin.Domain.Common;
using Microsoft.AspNetCore.Components;

namespace CeAdmin.App.Features.Inbox;

/// <summary>
/// A part of the page that shows 待办 data and keeps it current without a reload (an inbox card, the unread badge):
/// it loads on render, and again on every <see cref="InboxPulse"/> once the page is interactive. A pulse that
/// arrives while a load runs makes one more load after it, so the last change is never missed.
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private IDisposable? _listener;
    private bool _loading;
    private bool _again;

    [Inject] private InboxPulse Pulse { get; set; } = null!;

    /// <summary>The refusal or failure of the last load (shown instead of the data), null when it succeeded.</summary>
    protected string? LoadError { get; private set; }

    /// <summary>Reads the data; a <see cref="DomainException"/> becomes <see cref="LoadError"/>.</summary>
    protected abstract Task LoadAsync();

    protected override Task OnInitializedAsync() => LoadUntilCurrentAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive) _listener = await Pulse.ListenAsync(() => InvokeAsync(RefreshAsync));
    }

    private async Task RefreshAsync()
    {
        await LoadUntilCurrentAsync();
        StateHasChanged();
    }

    private async Task LoadUntilCurrentAsync()
    {
        if (_loading)
        {
            // The running load may have read before the change was saved: it runs once more when done.
            _again = true;
            return;
        }

        _loading = true;
        try
        {
            do
            {
                _again = false;
                await LoadOnceAsync();
            }
            while (_again);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task LoadOnceAsync()
    {
        try
        {
            await LoadAsync();
            LoadError = null;
        }
        catch (DomainException ex)
        {
            LoadError = ex.Message;
        }
    }

    public virtual void Dispose()
    {
        _listener?.Dispose();
        GC.SuppressFinalize(this);
    }
}
