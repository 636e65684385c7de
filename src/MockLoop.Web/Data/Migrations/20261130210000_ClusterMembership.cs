using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MockLoop.Web.Data.Migrations;

/// <summary>
/// Orleans' cluster membership on our own schema: one version row per cluster and one row per silo generation.
/// Hand-written; checked against the model by MigrationTests.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261130210000_ClusterMembership")]
public sealed class ClusterMembership : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(@"
CREATE TABLE cluster_versions (
    ""ClusterId"" character varying(64) NOT NULL,
    ""Version"" integer NOT NULL,
    ""ETag"" character varying(40) NOT NULL,
    ""UpdatedAt"" timestamp with time zone NOT NULL,
    CONSTRAINT ""PK_cluster_versions"" PRIMARY KEY (""ClusterId"")
);

CREATE TABLE cluster_members (
    ""ClusterId"" character varying(64) NOT NULL,
    ""Address"" character varying(64) NOT NULL,
    ""Port"" integer NOT NULL,
    ""Generation"" integer NOT NULL,
    ""HostName"" character varying(256) NOT NULL,
    ""SiloName"" character varying(256) NOT NULL,
    ""RoleName"" character varying(256),
    ""Status"" integer NOT NULL,
    ""ProxyPort"" integer NOT NULL,
    ""UpdateZone"" integer NOT NULL,
    ""FaultZone"" integer NOT NULL,
    ""SuspectTimes"" jsonb NOT NULL,
    ""StartTime"" timestamp with time zone NOT NULL,
    ""IAmAliveTime"" timestamp with time zone NOT NULL,
    ""ETag"" character varying(40) NOT NULL,
    CONSTRAINT ""PK_cluster_members"" PRIMARY KEY (""ClusterId"", ""Address"", ""Port"", ""Generation""),
    CONSTRAINT ""FK_cluster_members_cluster_versions_ClusterId"" FOREIGN KEY (""ClusterId"") REFERENCES cluster_versions (""ClusterId"") ON DELETE CASCADE
);");
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("DROP TABLE cluster_members; DROP TABLE cluster_versions;");
}
