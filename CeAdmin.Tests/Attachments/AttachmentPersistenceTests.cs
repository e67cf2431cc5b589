using CeAdmin.Domain.Attachments;
using CeAdmin.Domain.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CeAdmin.Tests.Attachments;

public sealed class AttachmentPersistenceTests : IDisposable
{
    private static readonly DateTime T0 = new(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    private readonly SqliteConnection _connection;

    public AttachmentPersistenceTests()
    {
        // An in-memory database lives as long as its connection, so keep it open for the whole test.
        _connection = new SqliteConnection("DataSource=:memory:");
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Create_checks_the_upload_and_fills_the_metadata()
    {
        var png = SampleFiles.Png();

        var attachment = Attachment.Create("Authority", 7, "统一社会信用代码证", @"C:\扫描\营业执照?.png", png, "张三", 100, T0);

        Assert.Equal("Authority", attachment.OwnerType);
        Assert.Equal(7, attachment.OwnerId);
        Assert.Equal("统一社会信用代码证", attachment.Category);
        Assert.Equal("营业执照.png", attachment.FileName);
        Assert.Equal(".png", attachment.FileType);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal(png.Length, attachment.Size);
        Assert.Equal(1, attachment.SizeKb);
        Assert.True(attachment.CanPreview);
        Assert.Equal(T0, attachment.UploadedAt);
        Assert.Equal("张三", attachment.UploaderName);
        Assert.Equal(100, attachment.UploaderUnitId);
        Assert.Same(png, attachment.Content!.Data);
    }

    [Fact]
    public void Create_refuses_a_bad_upload()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Attachment.Create("Authority", 7, "", "营业执照.pdf", SampleFiles.Png(), "张三", 100, T0));
        Assert.Equal("文件内容与扩展名不符", ex.Message);

        var small = new AttachmentPolicy { MaxBytes = 100 };
        ex = Assert.Throws<DomainException>(() =>
            Attachment.Create("Authority", 7, "", "营业执照.pdf", SampleFiles.Pdf(), "张三", 100, T0, small));
        Assert.Equal("附件大小不能超过0.1KB，当前文件为0.6KB", ex.Message);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(1024, 1)]
    [InlineData(1025, 2)]
    [InlineData(10 * 1024 * 1024, 10240)]
    public void SizeKb_rounds_up(int size, int expectedKb)
    {
        var content = new byte[size];
        "%PDF-"u8.CopyTo(content);

        var attachment = Attachment.Create("Qualification", 1, "", "a.pdf", content, "张三", 1, T0);

        Assert.Equal(size, attachment.Size);
        Assert.Equal(expectedKb, attachment.SizeKb);
    }

    [Fact]
    public void Owner_and_category_lengths_are_enforced()
    {
        var pdf = SampleFiles.Pdf();
        Assert.Throws<ArgumentOutOfRangeException>(() => Attachment.Create(new string('x', 41), 1, "", "a.pdf", pdf, "张三", 1, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Attachment.Create("Authority", 1, new string('类', 51), "a.pdf", pdf, "张三", 1, T0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Attachment.Create("Authority", 1, "", "a.pdf", pdf, new string('张', 101), 1, T0));
        Assert.Throws<ArgumentException>(() => Attachment.Create(" ", 1, "", "a.pdf", pdf, "张三", 1, T0));
        Assert.Throws<ArgumentException>(() => Attachment.Create("Authority", 1, "", "a.pdf", pdf, "", 1, T0));
    }

    [Fact]
    public void Saves_metadata_and_content_in_two_tables()
    {
        var id = Save(Attachment.Create("TrainingPlan", 3, "培训计划", "计划.docx", SampleFiles.Docx(), "李四", 200, T0));

        using var db = NewContext();
        var loaded = db.Attachments.Single(a => a.Id == id);
        Assert.Null(loaded.Content); // a list query never loads the bytes
        Assert.Equal("计划.docx", loaded.FileName);
        Assert.Equal(".docx", loaded.FileType);
        Assert.Equal(T0, loaded.UploadedAt);

        var data = db.AttachmentContents.Where(c => c.AttachmentId == id).Select(c => c.Data).Single();
        Assert.Equal(SampleFiles.Docx(), data);

        var withContent = db.Attachments.Include(a => a.Content).Single(a => a.Id == id);
        Assert.Equal(SampleFiles.Docx(), withContent.Content!.Data);
    }

    [Fact]
    public void Lists_by_owner()
    {
        Save(Attachment.Create("Authority", 1, "统一社会信用代码证", "a.pdf", SampleFiles.Pdf(), "张三", 100, T0));
        Save(Attachment.Create("Authority", 1, "法人证书", "b.png", SampleFiles.Png(), "张三", 100, T0));
        Save(Attachment.Create("Authority", 2, "", "c.pdf", SampleFiles.Pdf(), "张三", 100, T0));
        Save(Attachment.Create("Qualification", 1, "", "d.jpg", SampleFiles.Jpeg(), "张三", 100, T0));

        using var db = NewContext();
        var names = db.Attachments
            .Where(a => a.OwnerType == "Authority" && a.OwnerId == 1)
            .OrderBy(a => a.Id)
            .Select(a => a.FileName)
            .ToList();

        Assert.Equal(["a.pdf", "b.png"], names);
    }

    [Fact]
    public void Deleting_an_attachment_deletes_its_content()
    {
        var id = Save(Attachment.Create("CourseCatalog", 9, "", "目录.xlsx", SampleFiles.Xlsx(), "王五", 300, T0));

        using (var db = NewContext())
        {
            // Loaded without its content: the database cascade removes the bytes.
            db.Attachments.Remove(db.Attachments.Single(a => a.Id == id));
            db.SaveChanges();
        }

        using var check = NewContext();
        Assert.Empty(check.Attachments);
        Assert.Empty(check.AttachmentContents);
    }

    [Fact]
    public void Owner_can_be_assigned_after_upload()
    {
        var id = Save(Attachment.Create("Qualification", 0, "", "a.pdf", SampleFiles.Pdf(), "张三", 100, T0));

        using (var db = NewContext())
        {
            var attachment = db.Attachments.Single(a => a.Id == id);
            attachment.AssignOwner("Qualification", 42);
            attachment.ChangeCategory("资格证书");
            db.SaveChanges();
        }

        using var check = NewContext();
        var reloaded = check.Attachments.Single(a => a.Id == id);
        Assert.Equal(42, reloaded.OwnerId);
        Assert.Equal("资格证书", reloaded.Category);
    }

    [Fact]
    public void Model_has_the_owner_index_and_column_limits()
    {
        using var db = NewContext();
        var attachment = db.Model.FindEntityType(typeof(Attachment))!;

        Assert.Equal("Attachments", attachment.GetTableName());
        Assert.Contains(attachment.GetIndexes(), i => i.Properties.Select(p => p.Name).SequenceEqual(["OwnerType", "OwnerId"]));
        Assert.Equal(40, attachment.FindProperty(nameof(Attachment.OwnerType))!.GetMaxLength());
        Assert.Equal(50, attachment.FindProperty(nameof(Attachment.Category))!.GetMaxLength());
        Assert.Equal(200, attachment.FindProperty(nameof(Attachment.FileName))!.GetMaxLength());
        Assert.Equal(10, attachment.FindProperty(nameof(Attachment.FileType))!.GetMaxLength());
        Assert.Equal(100, attachment.FindProperty(nameof(Attachment.UploaderName))!.GetMaxLength());
        Assert.Null(attachment.FindProperty("SizeKb"));
        Assert.Null(attachment.FindProperty("CanPreview"));

        var content = db.Model.FindEntityType(typeof(AttachmentContent))!;
        Assert.Equal("AttachmentContents", content.GetTableName());
        var foreignKey = Assert.Single(content.GetForeignKeys());
        Assert.Equal(DeleteBehavior.Cascade, foreignKey.DeleteBehavior);
        Assert.True(foreignKey.IsUnique);
        Assert.Equal("AttachmentId", Assert.Single(content.FindPrimaryKey()!.Properties).Name);
    }

    private int Save(Attachment attachment)
    {
        using var db = NewContext();
        db.Attachments.Add(attachment);
        db.SaveChanges();
        return attachment.Id;
    }

    private TestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<TestDbContext>().UseSqlite(_connection).Options);

    private sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
    {
        public DbSet<Attachment> Attachments => Set<Attachment>();

        public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.ApplyConfiguration(new AttachmentConfiguration());
            modelBuilder.ApplyConfiguration(new AttachmentContentConfiguration());
        }
    }
}
