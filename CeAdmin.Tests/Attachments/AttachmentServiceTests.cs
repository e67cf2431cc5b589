using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using CeAdmin.Domain.Organizations;
using CeAdmin.Tests.Infrastructure;
using CeAdmin.Tests.Organizations;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Attachments;

/// <summary>AttachmentService on a real database: the policy, who may see and change an owner's files.</summary>
public sealed class AttachmentServiceTests : ApprovedChainTest
{
    private const string Owner = AuthorityApplication.AttachmentOwnerType;
    private const string Material = AuthorityApplication.RequiredMaterial;

    private Actor _county = null!;
    private int _countyAuthorityId;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _county = await Scenario.UnitAsync("广州市天河区教育局", UnitKind.Authority, "440106");
        _countyAuthorityId = await App.As<AuthorityApplicationService>(_county)
            .SaveAsync(AuthorityScenario.Form(_county, AffiliationLevel.County, "440106", Chain.CityId));
    }

    [Fact]
    public async Task Upload_list_download_and_delete_while_the_owner_is_editable()
    {
        var files = App.As<AttachmentService>(_county);
        var pngId = await files.UploadAsync(Owner, _countyAuthorityId, Material, "统一社会信用代码证.PNG", SampleFiles.Png());
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var docxId = await files.UploadAsync(Owner, _countyAuthorityId, "", "单位职能说明.docx", SampleFiles.Docx());

        var rows = await files.ListAsync(Owner, _countyAuthorityId);
        Assert.Equal([(1, "统一社会信用代码证.PNG", ".png", true), (2, "单位职能说明.docx", ".docx", false)],
            rows.Select(r => (r.No, r.FileName, r.FileType, r.CanPreview)));
        // 经办人 is the person's real name, not the login name the row records.
        await using (var users = App.Db())
            Assert.Equal(await users.Users.Where(u => u.Id == _county.UserId).Select(u => u.RealName).SingleAsync(), rows[0].UploaderName);
        Assert.NotEqual(_county.UserName, rows[0].UploaderName);
        Assert.Equal(1, rows[0].SizeKb);

        var file = await files.DownloadAsync(pngId);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(SampleFiles.Png(), file.Data);

        await files.DeleteAsync(docxId);
        Assert.Equal([pngId], (await files.ListAsync(Owner, _countyAuthorityId)).Select(r => r.Id));
        await using var db = App.Db();
        Assert.False(await db.AttachmentContents.AnyAsync(c => c.AttachmentId == docxId));
    }

    [Fact]
    public async Task Wrong_type_and_oversized_files_are_refused_and_nothing_is_written()
    {
        var files = App.As<AttachmentService>(_county);
        var script = await Assert.ThrowsAsync<DomainException>(() =>
            files.UploadAsync(Owner, _countyAuthorityId, Material, "证书.exe", "MZ\x90\0 not an allowed file"u8.ToArray()));
        Assert.Equal("只允许上传 jpg、png、pdf、doc、docx、xls、xlsx 格式的文件", script.Message);

        var renamed = await Assert.ThrowsAsync<DomainException>(() => files.UploadAsync(Owner, _countyAuthorityId, Material, "证书.pdf", SampleFiles.Png()));
        Assert.Equal("文件内容与扩展名不符", renamed.Message);

        var big = new byte[AttachmentPolicy.DefaultMaxBytes + 1];
        SampleFiles.Pdf().CopyTo(big, 0);
        var tooLarge = await Assert.ThrowsAsync<DomainException>(() => files.UploadAsync(Owner, _countyAuthorityId, Material, "扫描件.pdf", big));
        Assert.Equal("附件大小不能超过10MB，当前文件为10.1MB", tooLarge.Message);

        await using var db = App.Db();
        Assert.False(await db.Attachments.AnyAsync(a => a.OwnerId == _countyAuthorityId));
    }

    [Fact]
    public async Task After_submission_the_applicant_can_no_longer_add_or_delete()
    {
        var files = App.As<AttachmentService>(_county);
        var id = await Scenario.AttachMaterialAsync(_county, _countyAuthorityId);
        await App.As<AuthorityApplicationService>(_county).SubmitAsync();

        Assert.Equal("已送审，送审后不能再修改", (await Assert.ThrowsAsync<DomainException>(() => files.DeleteAsync(id))).Message);
        await Assert.ThrowsAsync<DomainException>(() => Scenario.AttachMaterialAsync(_county, _countyAuthorityId));

        // The reviewer reads the file but cannot change it.
        var reviewerFiles = App.As<AttachmentService>(Chain.City);
        Assert.Single(await reviewerFiles.ListAsync(Owner, _countyAuthorityId));
        Assert.Equal(SampleFiles.Png(), (await reviewerFiles.DownloadAsync(id)).Data);
        await Assert.ThrowsAsync<ScopeException>(() => reviewerFiles.DeleteAsync(id));
    }

    [Fact]
    public async Task Another_regions_attachment_is_refused_by_id()
    {
        var id = await Scenario.AttachMaterialAsync(_county, _countyAuthorityId);
        var shenzhen = await Scenario.UnitAsync("深圳市教育局", UnitKind.Authority, "440300");
        await Scenario.ApprovedAuthorityAsync(shenzhen, Chain.Province, AffiliationLevel.City, "440300", Chain.ProvinceId);

        var foreign = App.As<AttachmentService>(shenzhen);
        await Assert.ThrowsAsync<ScopeException>(() => foreign.DownloadAsync(id));
        await Assert.ThrowsAsync<ScopeException>(() => foreign.ListAsync(Owner, _countyAuthorityId));
        await Assert.ThrowsAsync<ScopeException>(() => foreign.DeleteAsync(id));
        await Assert.ThrowsAsync<ScopeException>(() => foreign.UploadAsync(Owner, _countyAuthorityId, Material, "x.png", SampleFiles.Png()));

        // Neither a unit of another kind nor a personal session reads it.
        var institution = await Scenario.UnitAsync("天河区某培训中心", UnitKind.Institution, "440106");
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AttachmentService>(institution).DownloadAsync(id));
        await Assert.ThrowsAsync<ScopeException>(() => App.As<AttachmentService>(_county with { UnitId = 0, UnitKind = null }).DownloadAsync(id));
    }
}
