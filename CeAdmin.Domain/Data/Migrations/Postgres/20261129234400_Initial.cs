using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CeAdmin.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RealName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    VerificationLevel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    VerifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UnitAccountId = table.Column<int>(type: "integer", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerId = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploaderName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploaderUnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attachments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Entity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CeRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    AuthorityId = table.Column<int>(type: "integer", nullable: true),
                    AuthorityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CatalogCourseId = table.Column<int>(type: "integer", nullable: true),
                    CourseName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StudyMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Result = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    InstitutionId = table.Column<int>(type: "integer", nullable: true),
                    InstitutionName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Remarks = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ClassId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CeRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HoursRules",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    HoursPerDay = table.Column<int>(type: "integer", nullable: false),
                    MinutesPerHour = table.Column<int>(type: "integer", nullable: false),
                    AnnualRequired = table.Column<int>(type: "integer", nullable: false),
                    PublicRequired = table.Column<int>(type: "integer", nullable: false),
                    ProfessionalRequired = table.Column<int>(type: "integer", nullable: false),
                    ElectiveRequired = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HoursRules", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "ProfessionalSeries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalSeries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ReviewCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ApplicantUnitId = table.Column<int>(type: "integer", nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewingUnitId = table.Column<int>(type: "integer", nullable: false),
                    ReviewingUnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Step = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOpinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewCases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Purpose = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PhoneNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsChallenges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnitAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    LoginUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttachmentContents",
                columns: table => new
                {
                    AttachmentId = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttachmentContents", x => x.AttachmentId);
                    table.ForeignKey(
                        name: "FK_AttachmentContents_Attachments_AttachmentId",
                        column: x => x.AttachmentId,
                        principalTable: "Attachments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalHistories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewCaseId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    BusinessStep = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OperatorUnit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Operator = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Result = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Opinion = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ToStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalHistories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalHistories_ReviewCases_ReviewCaseId",
                        column: x => x.ReviewCaseId,
                        principalTable: "ReviewCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Authorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitAccountId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CodeType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ParentAuthorityId = table.Column<int>(type: "integer", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OfficePhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Mobile = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Functions = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Authorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Authorities_Authorities_ParentAuthorityId",
                        column: x => x.ParentAuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Authorities_ProfessionalSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "ProfessionalSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Authorities_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Authorities_UnitAccounts_UnitAccountId",
                        column: x => x.UnitAccountId,
                        principalTable: "UnitAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitAccountId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Level = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Nature = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    ParentAuthorityName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LegalName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    LegalPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LegalEmail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Profile = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Institutions_Regions_RegionCode",
                        column: x => x.RegionCode,
                        principalTable: "Regions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Institutions_UnitAccounts_UnitAccountId",
                        column: x => x.UnitAccountId,
                        principalTable: "UnitAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teachers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Title = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Courses = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Profile = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teachers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teachers_UnitAccounts_OwnerUnitId",
                        column: x => x.OwnerUnitId,
                        principalTable: "UnitAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "UnitOperators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitAccountId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Authorised = table.Column<bool>(type: "boolean", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AuthorisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnitOperators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnitOperators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnitOperators_UnitAccounts_UnitAccountId",
                        column: x => x.UnitAccountId,
                        principalTable: "UnitAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourseCatalogs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AuthorityId = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OperatorName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourseCatalogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourseCatalogs_Authorities_AuthorityId",
                        column: x => x.AuthorityId,
                        principalTable: "Authorities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CourseCatalogs_ProfessionalSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "ProfessionalSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingQualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstitutionId = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    Overview = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingQualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingQualifications_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TrainingQualifications_ProfessionalSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "ProfessionalSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatalogCourses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CatalogId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Remarks = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogCourses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CatalogCourses_CourseCatalogs_CatalogId",
                        column: x => x.CatalogId,
                        principalTable: "CourseCatalogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OwnerUnitId = table.Column<int>(type: "integer", nullable: false),
                    OwnerKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    CatalogCourseId = table.Column<int>(type: "integer", nullable: false),
                    SeriesId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Days = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Hours = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    PlannedSessions = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Content = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Audience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Remarks = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingPlans_CatalogCourses_CatalogCourseId",
                        column: x => x.CatalogCourseId,
                        principalTable: "CatalogCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingPlans_ProfessionalSeries_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "ProfessionalSeries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingClasses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlannedOpenDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StudyMode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StudyStart = table.Column<DateOnly>(type: "date", nullable: false),
                    StudyEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnrolment = table.Column<int>(type: "integer", nullable: false),
                    ExamType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Location = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Schedule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HeadTeacherId = table.Column<int>(type: "integer", nullable: true),
                    HeadTeacherName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    HeadTeacherPhone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HeadTeacherIdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    HeadTeacherEmail = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HeadTeacherTitle = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingClasses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_Teachers_HeadTeacherId",
                        column: x => x.HeadTeacherId,
                        principalTable: "Teachers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingClasses_TrainingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "TrainingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassInstructor",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<int>(type: "integer", nullable: false),
                    TeacherId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassInstructor", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassInstructor_Teachers_TeacherId",
                        column: x => x.TeacherId,
                        principalTable: "Teachers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClassInstructor_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ClassSubject",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClassId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassSubject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClassSubject_TrainingClasses_ClassId",
                        column: x => x.ClassId,
                        principalTable: "TrainingClasses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "HoursRules",
                columns: new[] { "Year", "AnnualRequired", "ElectiveRequired", "HoursPerDay", "MinutesPerHour", "ProfessionalRequired", "PublicRequired" },
                values: new object[,]
                {
                    { 2016, 72, 12, 6, 45, 42, 18 },
                    { 2017, 72, 12, 6, 45, 42, 18 },
                    { 2018, 72, 12, 6, 45, 42, 18 },
                    { 2019, 72, 12, 6, 45, 42, 18 },
                    { 2020, 72, 12, 6, 45, 42, 18 },
                    { 2021, 90, 18, 8, 45, 42, 30 },
                    { 2022, 90, 18, 8, 45, 42, 30 },
                    { 2023, 90, 18, 8, 45, 42, 30 },
                    { 2024, 90, 18, 8, 45, 42, 30 },
                    { 2025, 90, 18, 8, 45, 42, 30 },
                    { 2026, 90, 18, 8, 45, 42, 30 },
                    { 2027, 90, 18, 8, 45, 42, 30 },
                    { 2028, 90, 18, 8, 45, 42, 30 },
                    { 2029, 90, 18, 8, 45, 42, 30 },
                    { 2030, 90, 18, 8, 45, 42, 30 }
                });

            migrationBuilder.InsertData(
                table: "ProfessionalSeries",
                columns: new[] { "Id", "Name", "SortOrder" },
                values: new object[,]
                {
                    { 1, "高等学校教师", 1 },
                    { 2, "中等职业学校教师", 2 },
                    { 3, "技工院校教师", 3 },
                    { 4, "中小学教师", 4 },
                    { 5, "工程技术人员", 5 },
                    { 6, "卫生技术人员", 6 },
                    { 7, "农业技术人员", 7 },
                    { 8, "经济专业人员", 8 },
                    { 9, "会计专业人员", 9 },
                    { 10, "统计专业人员", 10 },
                    { 11, "审计专业人员", 11 },
                    { 12, "翻译专业人员", 12 },
                    { 13, "新闻专业人员", 13 },
                    { 14, "出版专业人员", 14 },
                    { 15, "图书资料专业人员", 15 },
                    { 16, "文物博物专业人员", 16 },
                    { 17, "档案专业人员", 17 },
                    { 18, "工艺美术专业人员", 18 },
                    { 19, "艺术专业人员", 19 },
                    { 20, "群众文化专业人员", 20 },
                    { 21, "播音主持专业人员", 21 },
                    { 22, "体育专业人员", 22 },
                    { 23, "律师", 23 },
                    { 24, "公证员", 24 },
                    { 25, "船舶专业人员", 25 },
                    { 26, "民用航空飞行技术人员", 26 },
                    { 27, "自然科学研究人员", 27 },
                    { 28, "社会科学研究人员", 28 },
                    { 29, "实验技术人员", 29 }
                });

            migrationBuilder.InsertData(
                table: "Regions",
                columns: new[] { "Code", "Level", "Name", "ParentCode" },
                values: new object[,]
                {
                    { "440000", "Province", "广东省", null },
                    { "440100", "City", "广州市", "440000" },
                    { "440103", "County", "荔湾区", "440100" },
                    { "440104", "County", "越秀区", "440100" },
                    { "440105", "County", "海珠区", "440100" },
                    { "440106", "County", "天河区", "440100" },
                    { "440111", "County", "白云区", "440100" },
                    { "440112", "County", "黄埔区", "440100" },
                    { "440113", "County", "番禺区", "440100" },
                    { "440114", "County", "花都区", "440100" },
                    { "440115", "County", "南沙区", "440100" },
                    { "440117", "County", "从化区", "440100" },
                    { "440118", "County", "增城区", "440100" },
                    { "440200", "City", "韶关市", "440000" },
                    { "440203", "County", "武江区", "440200" },
                    { "440204", "County", "浈江区", "440200" },
                    { "440205", "County", "曲江区", "440200" },
                    { "440222", "County", "始兴县", "440200" },
                    { "440224", "County", "仁化县", "440200" },
                    { "440229", "County", "翁源县", "440200" },
                    { "440232", "County", "乳源瑶族自治县", "440200" },
                    { "440233", "County", "新丰县", "440200" },
                    { "440281", "County", "乐昌市", "440200" },
                    { "440282", "County", "南雄市", "440200" },
                    { "440300", "City", "深圳市", "440000" },
                    { "440303", "County", "罗湖区", "440300" },
                    { "440304", "County", "福田区", "440300" },
                    { "440305", "County", "南山区", "440300" },
                    { "440306", "County", "宝安区", "440300" },
                    { "440307", "County", "龙岗区", "440300" },
                    { "440308", "County", "盐田区", "440300" },
                    { "440309", "County", "龙华区", "440300" },
                    { "440310", "County", "坪山区", "440300" },
                    { "440311", "County", "光明区", "440300" },
                    { "440400", "City", "珠海市", "440000" },
                    { "440402", "County", "香洲区", "440400" },
                    { "440403", "County", "斗门区", "440400" },
                    { "440404", "County", "金湾区", "440400" },
                    { "440500", "City", "汕头市", "440000" },
                    { "440507", "County", "龙湖区", "440500" },
                    { "440511", "County", "金平区", "440500" },
                    { "440512", "County", "濠江区", "440500" },
                    { "440513", "County", "潮阳区", "440500" },
                    { "440514", "County", "潮南区", "440500" },
                    { "440515", "County", "澄海区", "440500" },
                    { "440523", "County", "南澳县", "440500" },
                    { "440600", "City", "佛山市", "440000" },
                    { "440604", "County", "禅城区", "440600" },
                    { "440605", "County", "南海区", "440600" },
                    { "440606", "County", "顺德区", "440600" },
                    { "440607", "County", "三水区", "440600" },
                    { "440608", "County", "高明区", "440600" },
                    { "440700", "City", "江门市", "440000" },
                    { "440703", "County", "蓬江区", "440700" },
                    { "440704", "County", "江海区", "440700" },
                    { "440705", "County", "新会区", "440700" },
                    { "440781", "County", "台山市", "440700" },
                    { "440783", "County", "开平市", "440700" },
                    { "440784", "County", "鹤山市", "440700" },
                    { "440785", "County", "恩平市", "440700" },
                    { "440800", "City", "湛江市", "440000" },
                    { "440802", "County", "赤坎区", "440800" },
                    { "440803", "County", "霞山区", "440800" },
                    { "440804", "County", "坡头区", "440800" },
                    { "440811", "County", "麻章区", "440800" },
                    { "440823", "County", "遂溪县", "440800" },
                    { "440825", "County", "徐闻县", "440800" },
                    { "440881", "County", "廉江市", "440800" },
                    { "440882", "County", "雷州市", "440800" },
                    { "440883", "County", "吴川市", "440800" },
                    { "440900", "City", "茂名市", "440000" },
                    { "440902", "County", "茂南区", "440900" },
                    { "440904", "County", "电白区", "440900" },
                    { "440981", "County", "高州市", "440900" },
                    { "440982", "County", "化州市", "440900" },
                    { "440983", "County", "信宜市", "440900" },
                    { "441200", "City", "肇庆市", "440000" },
                    { "441202", "County", "端州区", "441200" },
                    { "441203", "County", "鼎湖区", "441200" },
                    { "441204", "County", "高要区", "441200" },
                    { "441223", "County", "广宁县", "441200" },
                    { "441224", "County", "怀集县", "441200" },
                    { "441225", "County", "封开县", "441200" },
                    { "441226", "County", "德庆县", "441200" },
                    { "441284", "County", "四会市", "441200" },
                    { "441300", "City", "惠州市", "440000" },
                    { "441302", "County", "惠城区", "441300" },
                    { "441303", "County", "惠阳区", "441300" },
                    { "441322", "County", "博罗县", "441300" },
                    { "441323", "County", "惠东县", "441300" },
                    { "441324", "County", "龙门县", "441300" },
                    { "441400", "City", "梅州市", "440000" },
                    { "441402", "County", "梅江区", "441400" },
                    { "441403", "County", "梅县区", "441400" },
                    { "441422", "County", "大埔县", "441400" },
                    { "441423", "County", "丰顺县", "441400" },
                    { "441424", "County", "五华县", "441400" },
                    { "441426", "County", "平远县", "441400" },
                    { "441427", "County", "蕉岭县", "441400" },
                    { "441481", "County", "兴宁市", "441400" },
                    { "441500", "City", "汕尾市", "440000" },
                    { "441502", "County", "城区", "441500" },
                    { "441521", "County", "海丰县", "441500" },
                    { "441523", "County", "陆河县", "441500" },
                    { "441581", "County", "陆丰市", "441500" },
                    { "441600", "City", "河源市", "440000" },
                    { "441602", "County", "源城区", "441600" },
                    { "441621", "County", "紫金县", "441600" },
                    { "441622", "County", "龙川县", "441600" },
                    { "441623", "County", "连平县", "441600" },
                    { "441624", "County", "和平县", "441600" },
                    { "441625", "County", "东源县", "441600" },
                    { "441700", "City", "阳江市", "440000" },
                    { "441702", "County", "江城区", "441700" },
                    { "441704", "County", "阳东区", "441700" },
                    { "441721", "County", "阳西县", "441700" },
                    { "441781", "County", "阳春市", "441700" },
                    { "441800", "City", "清远市", "440000" },
                    { "441802", "County", "清城区", "441800" },
                    { "441803", "County", "清新区", "441800" },
                    { "441821", "County", "佛冈县", "441800" },
                    { "441823", "County", "阳山县", "441800" },
                    { "441825", "County", "连山壮族瑶族自治县", "441800" },
                    { "441826", "County", "连南瑶族自治县", "441800" },
                    { "441881", "County", "英德市", "441800" },
                    { "441882", "County", "连州市", "441800" },
                    { "441900", "City", "东莞市", "440000" },
                    { "442000", "City", "中山市", "440000" },
                    { "445100", "City", "潮州市", "440000" },
                    { "445102", "County", "湘桥区", "445100" },
                    { "445103", "County", "潮安区", "445100" },
                    { "445122", "County", "饶平县", "445100" },
                    { "445200", "City", "揭阳市", "440000" },
                    { "445202", "County", "榕城区", "445200" },
                    { "445203", "County", "揭东区", "445200" },
                    { "445222", "County", "揭西县", "445200" },
                    { "445224", "County", "惠来县", "445200" },
                    { "445281", "County", "普宁市", "445200" },
                    { "445300", "City", "云浮市", "440000" },
                    { "445302", "County", "云城区", "445300" },
                    { "445303", "County", "云安区", "445300" },
                    { "445321", "County", "新兴县", "445300" },
                    { "445322", "County", "郁南县", "445300" },
                    { "445381", "County", "罗定市", "445300" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalHistories_ReviewCaseId_Seq",
                table: "ApprovalHistories",
                columns: new[] { "ReviewCaseId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_IdNumber",
                table: "AspNetUsers",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attachments_OwnerType_OwnerId",
                table: "Attachments",
                columns: new[] { "OwnerType", "OwnerId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Entity_EntityKey",
                table: "AuditEntries",
                columns: new[] { "Entity", "EntityKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_ParentAuthorityId",
                table: "Authorities",
                column: "ParentAuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_RegionCode_SeriesId",
                table: "Authorities",
                columns: new[] { "RegionCode", "SeriesId" });

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_SeriesId",
                table: "Authorities",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_Authorities_UnitAccountId",
                table: "Authorities",
                column: "UnitAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogCourses_CatalogId_Name",
                table: "CatalogCourses",
                columns: new[] { "CatalogId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_AuthorityId",
                table: "CeRecords",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_ClassId_IdNumber",
                table: "CeRecords",
                columns: new[] { "ClassId", "IdNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_IdNumber_StartDate_EndDate_CourseName",
                table: "CeRecords",
                columns: new[] { "IdNumber", "StartDate", "EndDate", "CourseName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_PersonName",
                table: "CeRecords",
                column: "PersonName");

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "Id", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_CeRecords_SeriesId_Year_Id_RegionCode",
                table: "CeRecords",
                columns: new[] { "SeriesId", "Year", "Id", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ClassInstructor_ClassId_TeacherId",
                table: "ClassInstructor",
                columns: new[] { "ClassId", "TeacherId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClassInstructor_TeacherId",
                table: "ClassInstructor",
                column: "TeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_ClassSubject_ClassId",
                table: "ClassSubject",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseCatalogs_AuthorityId",
                table: "CourseCatalogs",
                column: "AuthorityId");

            migrationBuilder.CreateIndex(
                name: "IX_CourseCatalogs_SeriesId_Year_Status",
                table: "CourseCatalogs",
                columns: new[] { "SeriesId", "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_RegionCode",
                table: "Institutions",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_UnitAccountId",
                table: "Institutions",
                column: "UnitAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalSeries_Name",
                table: "ProfessionalSeries",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Regions_ParentCode",
                table: "Regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ApplicantUnitId",
                table: "ReviewCases",
                column: "ApplicantUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_Kind_SubjectId",
                table: "ReviewCases",
                columns: new[] { "Kind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewCases_ReviewingUnitId_Status_Year",
                table: "ReviewCases",
                columns: new[] { "ReviewingUnitId", "Status", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_SmsChallenges_Purpose_Subject",
                table: "SmsChallenges",
                columns: new[] { "Purpose", "Subject" });

            migrationBuilder.CreateIndex(
                name: "IX_Teachers_OwnerUnitId_IdNumber",
                table: "Teachers",
                columns: new[] { "OwnerUnitId", "IdNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_HeadTeacherId",
                table: "TrainingClasses",
                column: "HeadTeacherId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingClasses_PlanId",
                table: "TrainingClasses",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlans_CatalogCourseId",
                table: "TrainingPlans",
                column: "CatalogCourseId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlans_OwnerUnitId",
                table: "TrainingPlans",
                column: "OwnerUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingPlans_SeriesId_RegionCode_Year",
                table: "TrainingPlans",
                columns: new[] { "SeriesId", "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingQualifications_InstitutionId_SeriesId",
                table: "TrainingQualifications",
                columns: new[] { "InstitutionId", "SeriesId" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingQualifications_SeriesId",
                table: "TrainingQualifications",
                column: "SeriesId");

            migrationBuilder.CreateIndex(
                name: "IX_UnitAccounts_Code",
                table: "UnitAccounts",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitAccounts_LoginUserId",
                table: "UnitAccounts",
                column: "LoginUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitOperators_UnitAccountId_UserId",
                table: "UnitOperators",
                columns: new[] { "UnitAccountId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_UnitOperators_UserId",
                table: "UnitOperators",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalHistories");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AttachmentContents");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CeRecords");

            migrationBuilder.DropTable(
                name: "ClassInstructor");

            migrationBuilder.DropTable(
                name: "ClassSubject");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "HoursRules");

            migrationBuilder.DropTable(
                name: "SmsChallenges");

            migrationBuilder.DropTable(
                name: "TrainingQualifications");

            migrationBuilder.DropTable(
                name: "UnitOperators");

            migrationBuilder.DropTable(
                name: "ReviewCases");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Attachments");

            migrationBuilder.DropTable(
                name: "TrainingClasses");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Teachers");

            migrationBuilder.DropTable(
                name: "TrainingPlans");

            migrationBuilder.DropTable(
                name: "CatalogCourses");

            migrationBuilder.DropTable(
                name: "CourseCatalogs");

            migrationBuilder.DropTable(
                name: "Authorities");

            migrationBuilder.DropTable(
                name: "ProfessionalSeries");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "UnitAccounts");
        }
    }
}
