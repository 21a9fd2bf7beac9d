using KoraInfra.Platform.Policy;
using KoraInfra.Platform.Policy.Reports;

namespace KoraInfra.Platform.Tests.Policy;

/// <summary>
/// Every report format, word for word, for one evaluation built here: a mandatory and an advisory
/// violation (one on a resource, one on the stack), a rule that could not be evaluated, an
/// engine finding, and one rule of each level. What a reviewer or a tool reads is pinned, so a
/// lost field, a swapped level or a count off by one fails.
/// </summary>
public sealed class PolicyReportWordingTests
{
    private const string Text = """
        policy: stack dev, 7 resource(s), 3 rule(s) enabled
        MANDATORY KORA-002 [medium] urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis
                  missing tag(s) owner; every taggable resource carries environment, owner, data-classification, cost-center
        ADVISORY  KORA-031 [high] (stack)
                  publicNetworkAccess is Enabled; expected Disabled
        ERROR     KORA-040 could not be evaluated: InvalidOperationException: broken
        ENGINE    kora-pack/pod-security (advisory) urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n: runs as root | really
        1 mandatory, 1 advisory violation(s), 1 rule error(s): BLOCKED
        """;

    private const string Markdown = """
        # Policy report: stack `dev`

        **Verdict: BLOCKED** (7 resources; 1 mandatory and 1 advisory violations; 1 rule errors)

        | level | rule | severity | resource | finding |
        |---|---|---|---|---|
        | mandatory | [KORA-002](docs/policy.md#kora-002) | medium | `urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis` | missing tag(s) owner; every taggable resource carries environment, owner, data-classification, cost-center |
        | advisory | [KORA-031](docs/policy.md#kora-031) | high | `(stack)` | publicNetworkAccess is Enabled; expected Disabled |

        - **KORA-040 could not be evaluated** (mandatory): InvalidOperationException: broken
        - engine: `kora-pack/pod-security` (advisory) `urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n`: runs as root \| really

        ## Rules in force

        | rule | level | severity | title |
        |---|---|---|---|
        | KORA-001 | disabled | critical | Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest |
        | KORA-002 | mandatory | medium | Azure resources carry the environment, owner, data-classification and cost-center tags |
        | KORA-031 | advisory | high | Azure Cache for Redis disables public network access (staging and prod) |
        | KORA-040 | mandatory | critical | Container images are pinned by digest (staging and prod) |
        """;

    private const string Json = """
        {
          "stack": "dev",
          "resources": 7,
          "blocked": true,
          "rules": [
            {
              "id": "KORA-001",
              "title": "Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest",
              "severity": "critical",
              "level": "disabled"
            },
            {
              "id": "KORA-002",
              "title": "Azure resources carry the environment, owner, data-classification and cost-center tags",
              "severity": "medium",
              "level": "mandatory"
            },
            {
              "id": "KORA-031",
              "title": "Azure Cache for Redis disables public network access (staging and prod)",
              "severity": "high",
              "level": "advisory"
            },
            {
              "id": "KORA-040",
              "title": "Container images are pinned by digest (staging and prod)",
              "severity": "critical",
              "level": "mandatory"
            }
          ],
          "violations": [
            {
              "ruleId": "KORA-002",
              "level": "mandatory",
              "severity": "medium",
              "urn": "urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis",
              "message": "missing tag(s) owner; every taggable resource carries environment, owner, data-classification, cost-center"
            },
            {
              "ruleId": "KORA-031",
              "level": "advisory",
              "severity": "high",
              "urn": null,
              "message": "publicNetworkAccess is Enabled; expected Disabled"
            }
          ],
          "errors": [
            {
              "ruleId": "KORA-040",
              "level": "mandatory",
              "message": "InvalidOperationException: broken"
            }
          ],
          "engineFindings": [
            {
              "policyPackName": "kora-pack",
              "policyName": "pod-security",
              "enforcementLevel": "advisory",
              "severity": "low",
              "urn": "urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n",
              "message": "runs as root | really"
            }
          ]
        }
        """;

    private const string Sarif = """
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [
            {
              "tool": {
                "driver": {
                  "name": "kora-policy",
                  "semanticVersion": "1.0.0",
                  "rules": [
                    {
                      "id": "KORA-001",
                      "name": "NoDirectDeployToProd",
                      "shortDescription": {
                        "text": "Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest"
                      },
                      "fullDescription": {
                        "text": "A direct deploy outside the promotion flow creates drift between environments and bypasses the mandatory gates (seed: \u0022proibido deploy direto de branch\u0022)."
                      },
                      "help": {
                        "text": "Staging and prod carry a verified release manifest; prod only from an approved GA promotion with images by digest. A direct deploy outside the promotion flow creates drift between environments and bypasses the mandatory gates (seed: \u0022proibido deploy direto de branch\u0022). See docs/policy.md#kora-001."
                      },
                      "defaultConfiguration": {
                        "level": "none"
                      },
                      "properties": {
                        "severity": "critical",
                        "security-severity": "9.5",
                        "enforcementLevel": "disabled",
                        "documentation": "docs/policy.md#kora-001",
                        "checkov": [],
                        "tags": [
                          "security",
                          "kora-policy"
                        ]
                      }
                    },
                    {
                      "id": "KORA-002",
                      "name": "RequiredTags",
                      "shortDescription": {
                        "text": "Azure resources carry the environment, owner, data-classification and cost-center tags"
                      },
                      "fullDescription": {
                        "text": "Tags are how cost, ownership and data classification are traced back to an environment and a team."
                      },
                      "help": {
                        "text": "Azure resources carry the environment, owner, data-classification and cost-center tags. Tags are how cost, ownership and data classification are traced back to an environment and a team. See docs/policy.md#kora-002."
                      },
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "properties": {
                        "severity": "medium",
                        "security-severity": "5.5",
                        "enforcementLevel": "mandatory",
                        "documentation": "docs/policy.md#kora-002",
                        "checkov": [],
                        "tags": [
                          "security",
                          "kora-policy"
                        ]
                      }
                    },
                    {
                      "id": "KORA-031",
                      "name": "RedisPrivateNetwork",
                      "shortDescription": {
                        "text": "Azure Cache for Redis disables public network access (staging and prod)"
                      },
                      "fullDescription": {
                        "text": "Only the platform\u0027s workloads talk to the queue."
                      },
                      "help": {
                        "text": "Azure Cache for Redis disables public network access (staging and prod). Only the platform\u0027s workloads talk to the queue. See docs/policy.md#kora-031."
                      },
                      "defaultConfiguration": {
                        "level": "warning"
                      },
                      "properties": {
                        "severity": "high",
                        "security-severity": "8.0",
                        "enforcementLevel": "advisory",
                        "documentation": "docs/policy.md#kora-031",
                        "checkov": [
                          "CKV_AZURE_89"
                        ],
                        "tags": [
                          "security",
                          "kora-policy"
                        ]
                      }
                    },
                    {
                      "id": "KORA-040",
                      "name": "ImagesByDigest",
                      "shortDescription": {
                        "text": "Container images are pinned by digest (staging and prod)"
                      },
                      "fullDescription": {
                        "text": "Only an already validated artifact is promoted; a tag can be moved to a different image after validation."
                      },
                      "help": {
                        "text": "Container images are pinned by digest (staging and prod). Only an already validated artifact is promoted; a tag can be moved to a different image after validation. See docs/policy.md#kora-040."
                      },
                      "defaultConfiguration": {
                        "level": "error"
                      },
                      "properties": {
                        "severity": "critical",
                        "security-severity": "9.5",
                        "enforcementLevel": "mandatory",
                        "documentation": "docs/policy.md#kora-040",
                        "checkov": [
                          "CKV_K8S_43"
                        ],
                        "tags": [
                          "security",
                          "kora-policy"
                        ]
                      }
                    }
                  ]
                }
              },
              "automationDetails": {
                "id": "kora-policy/dev/"
              },
              "invocations": [
                {
                  "executionSuccessful": false,
                  "toolExecutionNotifications": [
                    {
                      "level": "error",
                      "message": {
                        "text": "KORA-040 could not be evaluated: InvalidOperationException: broken"
                      },
                      "descriptor": {
                        "id": "KORA-040"
                      }
                    }
                  ]
                }
              ],
              "results": [
                {
                  "ruleId": "KORA-002",
                  "ruleIndex": 1,
                  "level": "error",
                  "message": {
                    "text": "missing tag(s) owner; every taggable resource carries environment, owner, data-classification, cost-center (urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis)"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "Pulumi.dev.yaml"
                        },
                        "region": {
                          "startLine": 1
                        }
                      },
                      "logicalLocations": [
                        {
                          "fullyQualifiedName": "urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis",
                          "kind": "resource"
                        }
                      ]
                    }
                  ],
                  "partialFingerprints": {
                    "koraViolation/v1": "a6f9eab4962ceb717892199bbeffd4655cc1911912c2a262d70cb349236331d5"
                  }
                },
                {
                  "ruleId": "KORA-031",
                  "ruleIndex": 2,
                  "level": "warning",
                  "message": {
                    "text": "publicNetworkAccess is Enabled; expected Disabled (stack dev)"
                  },
                  "locations": [
                    {
                      "physicalLocation": {
                        "artifactLocation": {
                          "uri": "Pulumi.dev.yaml"
                        },
                        "region": {
                          "startLine": 1
                        }
                      },
                      "logicalLocations": [
                        {
                          "fullyQualifiedName": "stack:dev",
                          "kind": "resource"
                        }
                      ]
                    }
                  ],
                  "partialFingerprints": {
                    "koraViolation/v1": "20ed40a8804916ebc7c28cff2e67f2f03ef1cce1a6dcfc32a3b795da1099ded4"
                  }
                }
              ]
            }
          ]
        }
        """;

    private static PolicyEvaluation Sample()
    {
        var manifest = PolicyRules.Find("KORA-001")!;
        var tags = PolicyRules.Find("KORA-002")!;
        var cache = PolicyRules.Find("KORA-031")!;
        var images = PolicyRules.Find("KORA-040")!;
        return new PolicyEvaluation(
            "dev",
            7,
            [new(manifest, EnforcementLevel.Disabled), new(tags, EnforcementLevel.Mandatory), new(cache, EnforcementLevel.Advisory), new(images, EnforcementLevel.Mandatory)],
            [
                new PolicyViolation("KORA-002", tags.Title, tags.Severity, EnforcementLevel.Mandatory, "urn:pulumi:dev::kora-infra::azure-native:redis:Redis::redis", "missing tag(s) owner; every taggable resource carries environment, owner, data-classification, cost-center"),
                new PolicyViolation("KORA-031", cache.Title, cache.Severity, EnforcementLevel.Advisory, null, "publicNetworkAccess is Enabled; expected Disabled"),
            ],
            [new PolicyRuleError("KORA-040", EnforcementLevel.Mandatory, "InvalidOperationException: broken")],
            [new EngineFinding("urn:pulumi:dev::kora-infra::kubernetes:apps/v1:Deployment::n8n", "pod-security", "kora-pack", "advisory", "runs as root | really", "low")]);
    }

    private static string Render(ReportFormat format) => PolicyReports.Render(Sample(), format, "Pulumi.dev.yaml").ReplaceLineEndings("\n");

    // Raw literals end before their last newline; the text and Markdown reports end with one.
    [Fact]
    public void The_text_report_is_written_exactly() => Assert.Equal(Text + "\n", Render(ReportFormat.Text));

    [Fact]
    public void The_markdown_report_is_written_exactly() => Assert.Equal(Markdown + "\n", Render(ReportFormat.Markdown));

    [Fact]
    public void The_json_report_is_written_exactly() => Assert.Equal(Json, Render(ReportFormat.Json));

    [Fact]
    public void The_sarif_report_is_written_exactly() => Assert.Equal(Sarif, Render(ReportFormat.Sarif));

    [Fact]
    public void An_unknown_format_is_refused_by_name()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => PolicyReports.Render(Sample(), (ReportFormat)9, "Pulumi.dev.yaml"));

        Assert.Equal("format", failure.ParamName);
    }
}
