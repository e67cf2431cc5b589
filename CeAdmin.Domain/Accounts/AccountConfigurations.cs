using CeAdmin.Domain.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CeAdmin.Domain.Accounts;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.VerificationLevel).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.RealName).HasMaxLength(50);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.SystemRole).HasConversion<string>().HasMaxLength(20);
        // One personal account per person.
        b.HasIndex(x => x.IdNumber).IsUnique();
        b.Ignore(x => x.IsVerified);
        b.Ignore(x => x.IsDisabled);
    }
}

public sealed class UnitAccountConfiguration : IEntityTypeConfiguration<UnitAccount>
{
    public void Configure(EntityTypeBuilder<UnitAccount> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CodeType).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Code).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.Property(x => x.LoginUserId).HasMaxLength(450);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.LoginUserId).IsUnique();
        b.HasMany(x => x.Operators).WithOne(x => x.UnitAccount).HasForeignKey(x => x.UnitAccountId);
    }
}

public sealed class UnitOperatorConfiguration : IEntityTypeConfiguration<UnitOperator>
{
    public void Configure(EntityTypeBuilder<UnitOperator> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.UnitAccountId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId);
    }
}

public sealed class SmsChallengeConfiguration : IEntityTypeConfiguration<SmsChallenge>
{
    public void Configure(EntityTypeBuilder<SmsChallenge> b)
    {
        b.Property(x => x.Purpose).HasMaxLength(30);
        b.Property(x => x.Subject).HasMaxLength(100);
        b.Property(x => x.PhoneNumber).HasMaxLength(20);
        b.Property(x => x.CodeHash).HasMaxLength(100);
        b.HasIndex(x => new { x.Purpose, x.Subject });
        // The resend wait and the daily cap look up a phone's codes of the day.
        b.HasIndex(x => new { x.PhoneNumber, x.IssuedAt });
    }
}

public sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.Property(x => x.Id).HasMaxLength(64);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.EndReason).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => x.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
