package complication_test

import (
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

var today = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

// validReport returns a report that passes every domain rule with no
// finding at all: tests change one thing and expect one finding.
func validReport() *complication.Report {
	return &complication.Report{
		ID:           uuid.MustParse("3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10"),
		Type:         complication.ReportTypeInitial,
		Created:      time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC),
		Jurisdiction: complication.JurisdictionEngland,
		ReportedTo: []complication.Notification{
			{To: complication.AuthorityMHRAYellowCard, Date: complication.MustParsePartialDate("2026-11-20")},
		},
		Reporter: complication.Reporter{Role: complication.ReporterRoleTreatingPractitioner, Profession: complication.ProfessionNurse},
		Patient: complication.Patient{
			AgeAtTreatment: new(34),
			Sex:            complication.SexFemale,
			History:        []complication.RiskFactor{complication.RiskFactorHSV},
		},
		Practitioner: &complication.Practitioner{Profession: complication.ProfessionNurse, RegistrationBody: complication.RegistrationBodyNMC},
		Setting:      &complication.Setting{Premises: complication.PremisesClinic, CQCRegistered: new(true)},
		Treatment: complication.Treatment{
			Date:      complication.MustParsePartialDate("2026-05-14T10:00"),
			Procedure: complication.ProcedureDermalFiller,
			Sites:     []complication.SiteSide{{Site: complication.SiteUpperLip}, {Site: complication.SiteLowerLip}},
			Technique: complication.TechniqueNeedle,
			Products: []complication.Product{{
				Name: "Juvederm Volbella", Manufacturer: "Allergan", Class: complication.ProductClassDevice,
				Lot: "V12345A", Expiry: complication.MustParsePartialDate("2027-03"),
				Dose: new(1.0), DoseUnit: complication.DoseUnitMl,
			}},
		},
		Events: []complication.Event{{
			ID:          uuid.MustParse("a0e0c6b2-1111-4c1e-9a57-0d5c2b7e8a10"),
			Term:        complication.TermNoduleInflammatory,
			Sites:       []complication.SiteSide{{Site: complication.SiteUpperLip, Side: complication.SideLeft}},
			Onset:       complication.MustParsePartialDate("2026-11"),
			Detected:    complication.MustParsePartialDate("2026-11-18"),
			Seriousness: []complication.Seriousness{complication.SeriousnessInterventionRequired},
			Severity:    complication.SeverityModerate,
			CTCAEGrade:  2,
			Harm:        complication.HarmLow,
			Management: []complication.Management{{
				Action: complication.ActionHyaluronidase, Dose: new(1500.0), DoseUnit: complication.DoseUnitIU,
				Given: complication.MustParsePartialDate("2026-11-18T15:40"), GivenBy: complication.CareProviderTreatingPractitioner,
			}},
			Outcome:     complication.OutcomeRecovering,
			Relatedness: complication.RelatednessRelated,
		}},
	}
}
