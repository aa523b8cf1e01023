package complication_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
)

// A patient came back six months after lip filler with hard, lumpy lips
// and messaged the practitioner. The practitioner answered under one of the
// patient's public posts, alleging a health condition, then blocked her.
// She went to the JCCP and Save Face and reported the product to the MHRA.
// Check makes the handling visible without repeating a word of it.
func ExampleComplaint_Check() {
	x := &complication.Complaint{
		ID:              uuid.MustParse("9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b"),
		ReceivedAt:      time.Date(2026, 11, 16, 19, 42, 0, 0, time.UTC),
		Channel:         complication.ComplaintChannelPrivateMessage,
		Jurisdiction:    complication.JurisdictionEngland,
		ComplainantRole: complication.ComplainantRolePatient,
		Summary:         "Hard lumps in both lips six months after filler; asked for help.",
		Categories:      []complication.ComplaintCategory{complication.ComplaintCategoryComplication, complication.ComplaintCategoryConfidentiality},
		ComplicationIDs: []uuid.UUID{uuid.MustParse("6c1e8f52-3b7d-4a2e-9f10-2d4b6a8c0e11")},
		TreatmentDate:   complication.MustParsePartialDate("2026-05-14"),
		AwarenessDate:   complication.MustParsePartialDate("2026-11"),
		RemedySought:    []complication.Remedy{complication.RemedyCorrectiveTreatment, complication.RemedyContentRemoval},
		HealthAndSafety: new(true),
		StatusHistory: []complication.StatusChange{
			{Status: complication.ComplaintStatusReceived, At: time.Date(2026, 11, 16, 19, 42, 0, 0, time.UTC)},
			{Status: complication.ComplaintStatusEscalated, At: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)},
		},
		Conduct: &complication.PractitionerConduct{
			ResponseChannels: []complication.ResponseChannel{
				complication.ResponseChannelPublicComment, complication.ResponseChannelBlockedOrIgnored,
			},
			Platforms:                   []complication.SocialPlatform{complication.SocialPlatformInstagram},
			PatientInformationDisclosed: new(true),
		},
		Escalations: []complication.Escalation{
			{To: complication.EscalationRouteJCCP, Date: complication.MustParsePartialDate("2026-11-20")},
			{To: complication.EscalationRouteSaveFace, Date: complication.MustParsePartialDate("2026-11-20")},
			{To: complication.EscalationRouteMHRAYellowCard, Date: complication.MustParsePartialDate("2026-11-21")},
		},
	}
	for _, f := range x.Check(complication.CheckOptions{Today: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}) {
		fmt.Printf("%s %s\n", f.Pointer, f.Code)
	}
	// Output:
	// /acknowledged_at acknowledgement_overdue
	// /practitioner_conduct/patient_information_disclosed_publicly public_disclosure
	// /practitioner_conduct/response_channels/1 complainant_blocked_or_ignored
}

// The same complaint, received on Wednesday 30 December 2026, has different
// deadlines in each nation: Wales and Northern Ireland acknowledge within 2
// working days, England and Scotland within 3, and Scotland also keeps
// 2 January (substituted to Monday 4 January).
func ExampleComplaint_Deadlines() {
	for _, j := range []complication.Jurisdiction{
		complication.JurisdictionEngland, complication.JurisdictionWales,
		complication.JurisdictionScotland, complication.JurisdictionNorthernIreland,
	} {
		x := &complication.Complaint{
			Jurisdiction:  j,
			ReceivedAt:    time.Date(2026, 12, 30, 11, 0, 0, 0, time.UTC),
			TreatmentDate: complication.MustParsePartialDate("2026-06-18"),
		}
		d, err := x.Deadlines()
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s acknowledge by %s; in time until %s; six months end %s\n",
			j.Display(), d.AcknowledgeBy, d.TimeLimitEnds, d.SixMonthsEnd)
	}
	// Output:
	// England          acknowledge by 2027-01-05; in time until 2027-06-18; six months end 2027-06-29
	// Wales            acknowledge by 2027-01-04; in time until 2027-06-18; six months end 2027-06-29
	// Scotland         acknowledge by 2027-01-06; in time until 2026-12-18; six months end 2027-06-29
	// Northern Ireland acknowledge by 2027-01-04; in time until 2026-12-18; six months end 2027-06-29
}

// A clinic system asks what is due on a complaint acknowledged in time,
// with a response date agreed and then extended.
func ExampleComplaint_Due() {
	x := &complication.Complaint{
		Jurisdiction:        complication.JurisdictionScotland,
		ReceivedAt:          time.Date(2026, 11, 2, 10, 15, 0, 0, time.UTC),
		AcknowledgedAt:      time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC),
		DiscussionOfferedAt: time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC),
		AgreedResponseBy:    complication.MustParsePartialDate("2026-11-30"),
		Extensions: []complication.Extension{{
			ResponseBy: complication.MustParsePartialDate("2026-12-14"),
			Reason:     complication.ExtensionReasonAwaitingRecords,
		}},
	}
	due, err := x.Due(time.Date(2026, 12, 15, 9, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, d := range due {
		fmt.Printf("%s by %s (overdue: %t), recorded in %s\n", d.Kind, d.By, d.Overdue, d.Pointer)
	}
	// Output:
	// respond by 2026-12-14 (overdue: true), recorded in /response_sent_at
	// explain_delay by 2027-05-01 (overdue: false), recorded in /delay_explained_at
}

// A clinic summarises a month of complaints for its own register, as CQC
// Regulation 16 expects it to be able to. Complaints are added one at a
// time, so the register can be read from a file or a database cursor of
// any size.
func ExampleComplaintStats() {
	stats := complication.NewComplaintStats(complication.StatsOptions{
		From: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC),
		To:   time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
	})
	received := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC) // a Monday
	for _, x := range []*complication.Complaint{
		{ReceivedAt: received, Jurisdiction: complication.JurisdictionEngland, Channel: complication.ComplaintChannelEmail,
			AcknowledgedAt: received.AddDate(0, 0, 2), ResponseSentAt: received.AddDate(0, 0, 17),
			Outcome: complication.ComplaintOutcomeUpheld},
		{ReceivedAt: received, Jurisdiction: complication.JurisdictionEngland, Channel: complication.ComplaintChannelPublicSocialMedia,
			AcknowledgedAt: received.AddDate(0, 0, 7), Outcome: complication.ComplaintOutcomePartlyUpheld,
			Escalations: []complication.Escalation{{To: complication.EscalationRouteSaveFace}}},
		{ReceivedAt: received.AddDate(0, 1, 0), Jurisdiction: complication.JurisdictionEngland},
	} {
		stats.Add(x)
	}
	s := stats.Summary()
	fmt.Printf("received %d of %d; acknowledged %d, on time %d\n", s.Received, s.Considered, s.Acknowledged, s.AcknowledgedOnTime)
	fmt.Printf("upheld %d, partly %d; escalated %d\n", s.Upheld, s.PartlyUpheld, s.Escalated)
	fmt.Printf("median working days to acknowledge %.1f over %d\n", s.DaysToAcknowledge.Value, s.DaysToAcknowledge.N)
	for _, c := range s.ByChannel {
		if c.N > 0 {
			fmt.Printf("%s: %d\n", c.Display, c.N)
		}
	}
	// Output:
	// received 2 of 3; acknowledged 2, on time 1
	// upheld 1, partly 1; escalated 1
	// median working days to acknowledge 3.5 over 2
	// Email: 1
	// Public social media post or review: 1
}
