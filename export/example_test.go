package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/openaesthetics/casebook/complication"
	"github.com/openaesthetics/casebook/export"
	"github.com/openaesthetics/casebook/schema"
)

// deidentified returns a small de-identified report, as the anonymiser
// produces them.
func deidentified() *complication.Report {
	return &complication.Report{
		ID:           uuid.MustParse("3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10"),
		Type:         complication.ReportTypeInitial,
		Jurisdiction: complication.JurisdictionWales,
		Reporter:     complication.Reporter{Role: complication.ReporterRoleTreatingPractitioner},
		Patient:      complication.Patient{Pseudonym: "pt_4f3kq7xz2m9b6c8d", AgeAtTreatment: new(41), Sex: complication.SexFemale},
		Treatment: complication.Treatment{
			Date:      complication.MustParsePartialDate("2026-09-02T14:10"),
			Procedure: complication.ProcedureDermalFiller,
			Sites:     []complication.SiteSide{{Site: complication.SiteNasolabialFold, Side: complication.SideLeft}},
			Products:  []complication.Product{{Name: "Restylane Defyne", Class: complication.ProductClassDevice, Lot: "RD24117"}},
		},
		Events: []complication.Event{{
			ID:          uuid.MustParse("5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f"),
			Term:        complication.TermVascularOcclusion,
			Description: "=blanching within minutes",
			Onset:       complication.MustParsePartialDate("2026-09-02T14:20"),
			Resolved:    complication.MustParsePartialDate("2026-09-30"),
			Seriousness: []complication.Seriousness{complication.SeriousnessInterventionRequired},
			Severity:    complication.SeveritySevere,
			Outcome:     complication.OutcomeRecovered,
		}},
		Deidentification: &complication.Deidentification{PolicyID: "registry", PolicyVersion: "1",
			PolicyHash: strings.Repeat("0f", 32), KeyID: "demo-2026", Dates: complication.DateHandlingKept},
	}
}

// deidentifiedComplaint returns a small de-identified complaint about the
// treatment of deidentified(), as the anonymiser produces them.
func deidentifiedComplaint() *complication.Complaint {
	r := deidentified()
	return &complication.Complaint{
		ID:               uuid.MustParse("9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b"),
		ReceivedAt:       time.Date(2026, 11, 16, 19, 42, 0, 0, time.UTC), // a Monday evening
		Channel:          complication.ComplaintChannelPrivateMessage,
		Jurisdiction:     complication.JurisdictionEngland,
		ComplainantRole:  complication.ComplainantRolePatient,
		Categories:       []complication.ComplaintCategory{complication.ComplaintCategoryComplication, complication.ComplaintCategoryCommunication},
		ComplicationIDs:  []uuid.UUID{r.ID},
		TreatmentDate:    complication.MustParsePartialDate("2026-09-02"),
		PatientPseudonym: r.Patient.Pseudonym,
		AcknowledgedAt:   time.Date(2026, 11, 20, 10, 5, 0, 0, time.UTC), // the Friday
		AgreedResponseBy: complication.MustParsePartialDate("2026-12-11"),
		StatusHistory: []complication.StatusChange{
			{Status: complication.ComplaintStatusReceived, At: time.Date(2026, 11, 16, 19, 42, 0, 0, time.UTC)},
			{Status: complication.ComplaintStatusAcknowledged, At: time.Date(2026, 11, 20, 10, 5, 0, 0, time.UTC)},
		},
		Escalations: []complication.Escalation{
			{To: complication.EscalationRouteJCCP, Date: complication.MustParsePartialDate("2026-11-18")},
			{To: complication.EscalationRouteSaveFace, Date: complication.MustParsePartialDate("2026-11-18")},
		},
		Deidentification: r.Deidentification,
	}
}

var fixedClock = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC) }

// A registry writer fails closed: a record that still carries an identity
// block is refused, naming the record and the pointer, never a value.
func ExampleRecordError() {
	r := deidentified()
	r.Identity = &complication.Identity{Patient: &complication.PersonIdentity{GivenName: "Siân"}}
	w := export.NewNDJSONWriter(io.Discard, export.JSONOptions{})
	err := w.Write(r)
	var rerr *export.RecordError
	if errors.As(err, &rerr) && errors.Is(err, export.ErrIdentified) {
		fmt.Println("refused record", rerr.Index, "at", rerr.Pointer)
	}
	fmt.Println(err)
	// Output:
	// refused record 0 at /identity
	// export: record 0 refused at /identity: record carries an identity block; de-identify it first
}

func ExampleEnvelopeWriter() {
	w := export.NewEnvelopeWriter(os.Stdout, export.EnvelopeOptions{
		Header: export.Header{
			Submitter: "clinic_7f3a9c2e",
			Policy:    export.Policy{ID: "registry", Version: "1", Hash: strings.Repeat("0f", 32)},
			KeyID:     "demo-2026",
		},
		Now: fixedClock,
	})
	r := deidentified()
	r.Events[0].Description = ""
	if err := w.Write(r); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	// Output:
	// {"schema":"https://openaesthetics.github.io/casebook/schema/v1/report-submission.schema.json","generated_at":"2026-11-25T12:00:00Z","submitter":"clinic_7f3a9c2e","policy":{"id":"registry","version":"1","hash":"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"},"key_id":"demo-2026","records":[
	// {"id":"3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10","report_type":"initial","jurisdiction":"wales","reporter":{"role":"treating_practitioner"},"patient":{"pseudonym":"pt_4f3kq7xz2m9b6c8d","age_at_treatment":41,"sex":"female"},"treatment":{"date":"2026-09-02T14:10","procedure":"dermal_filler","sites":[{"site":"nasolabial_fold","side":"left"}],"products":[{"name":"Restylane Defyne","class":"device","lot":"RD24117"}]},"events":[{"id":"5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f","term":"vascular_occlusion","onset":"2026-09-02T14:20","resolved":"2026-09-30","seriousness":["intervention_required"],"severity":"severe","outcome":"recovered"}],"deidentification":{"policy_id":"registry","policy_version":"1","policy_hash":"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f","key_id":"demo-2026","dates":"kept"}}
	// ],"counts":{"records":1,"events":1,"products":1}}
}

// A registry reads a submitted NDJSON file: every line is accounted for,
// and a bad line is reported with its line number and the reader goes on.
func ExampleNDJSONReader() {
	good, _ := json.Marshal(deidentified())
	input := string(good) + "\n" +
		`{"id": "3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10", "reporter": ` + "\n" +
		strings.Replace(string(good), `"severe"`, `"catastrophic"`, 1) + "\n"
	v, err := schema.New(schema.Options{Now: fixedClock})
	if err != nil {
		panic(err)
	}
	nr := export.NewNDJSONReader(strings.NewReader(input), export.ReadOptions{Validator: v})
	for {
		res, err := nr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		if res.Rejected() {
			fmt.Printf("record %d (line %d) rejected: %v\n", res.Index, res.Line, res.Findings[0])
			continue
		}
		fmt.Printf("record %d (line %d) accepted: %s\n", res.Index, res.Line, res.Report.Events[0].Term)
	}
	fmt.Printf("%+v\n", nr.Tally())
	// Output:
	// record 0 (line 1) accepted: vascular_occlusion
	// record 1 (line 2) rejected: line 2: /reporter: syntax: not valid JSON at column 60 (unexpected_eof)
	// record 2 (line 3) rejected: line 3: /events/0/severity: enum: not a code of the severity list
	// {Read:3 Accepted:1 Rejected:2}
}

// Spreadsheet users get a BOM, CRLF line ends, and text that a
// spreadsheet would evaluate made inert; numbers, dates and codes are
// never touched.
func ExampleFlatWriter_Write_spreadsheet() {
	var buf bytes.Buffer
	w := export.NewFlatWriter(&buf, export.CSVOptions{Profile: export.ProfileSpreadsheet})
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	out := buf.Bytes()
	fmt.Printf("BOM %t, CRLF %t\n", bytes.HasPrefix(out, []byte("\xef\xbb\xbf")), bytes.Contains(out, []byte("\r\n")))
	rows, _ := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")))).ReadAll()
	for _, name := range []string{"id", "patient.age_at_treatment", "treatment.date", "event_index", "events.term", "events.description", "events.serious", "events.onset_days_min", "events.onset_class_rohrich"} {
		fmt.Printf("%s = %s\n", name, rows[1][slices.Index(rows[0], name)])
	}
	// Output:
	// BOM true, CRLF true
	// id = 3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10
	// patient.age_at_treatment = 41
	// treatment.date = 2026-09-02T14:10
	// event_index = 0
	// events.term = vascular_occlusion
	// events.description = '=blanching within minutes
	// events.serious = true
	// events.onset_days_min = 0
	// events.onset_class_rohrich = early
}

// memFiles is an in-memory Sink.
type memFiles map[string]*bytes.Buffer

type memFile struct{ *bytes.Buffer }

func (memFile) Close() error { return nil }

func (m memFiles) Create(name string) (io.WriteCloser, error) {
	m[name] = &bytes.Buffer{}
	return memFile{m[name]}, nil
}

func ExampleTablesWriter() {
	files := memFiles{}
	w, err := export.NewTablesWriter(files, export.CSVOptions{})
	if err != nil {
		panic(err)
	}
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	fmt.Println(strings.Join(names, " "))
	fmt.Print(files["products.csv"])
	// Output:
	// codebook.csv codes.csv complaint_escalations.csv complaint_extensions.csv complaint_status_history.csv complaints.csv datapackage.json event_sites.csv events.csv management.csv notifications.csv products.csv reports.csv treatment_sites.csv
	// report_id,product_index,name,manufacturer,class,substance,lot,expiry,udi,supplier,dose,dose_unit,route,suspected_counterfeit,retained,retained_by,missing
	// 3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10,0,Restylane Defyne,,device,,RD24117,,,,,,,,,,
}

// Complaints go to their own tables, linked to the reports by
// complication_ids, with derived columns that measure the handling
// against the deadlines of the complaint's nation.
func ExampleTablesWriter_WriteComplaint() {
	files := memFiles{}
	w, err := export.NewTablesWriter(files, export.CSVOptions{})
	if err != nil {
		panic(err)
	}
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.WriteComplaint(deidentifiedComplaint()); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	rows, _ := csv.NewReader(files["complaints.csv"]).ReadAll()
	for _, name := range []string{"complication_ids", "categories", "status", "acknowledge_by", "acknowledgement_working_days", "acknowledged_in_time", "respond_by", "responded_in_time"} {
		fmt.Printf("%s=%s\n", name, rows[1][slices.Index(rows[0], name)])
	}
	fmt.Print(files["complaint_escalations.csv"])
	// Output:
	// complication_ids=3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10
	// categories=complication;communication
	// status=acknowledged
	// acknowledge_by=2026-11-19
	// acknowledgement_working_days=4
	// acknowledged_in_time=false
	// respond_by=2026-12-11
	// responded_in_time=
	// complaint_id,escalation_index,to,date,reference
	// 9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b,0,jccp,2026-11-18,
	// 9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b,1,save_face,2026-11-18,
}

// One NDJSON stream may hold reports and complaints; DetectKind reads
// each line as its own kind.
func ExampleReadOptions_detectKind() {
	var buf bytes.Buffer
	w := export.NewNDJSONWriter(&buf, export.JSONOptions{})
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.WriteComplaint(deidentifiedComplaint()); err != nil {
		panic(err)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	v, err := schema.New(schema.Options{Now: fixedClock})
	if err != nil {
		panic(err)
	}
	nr := export.NewNDJSONReader(&buf, export.ReadOptions{Validator: v, DetectKind: true})
	for {
		res, err := nr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		switch {
		case res.Report != nil:
			fmt.Println("line", res.Line, "report", res.Report.ID)
		case res.Complaint != nil:
			fmt.Println("line", res.Line, "complaint", res.Complaint.ID, "about", res.Complaint.ComplicationIDs[0])
		default:
			fmt.Println("line", res.Line, "rejected", res.Shape)
		}
	}
	// Output:
	// line 1 report 3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10
	// line 2 complaint 9b2d4f61-8a3c-4e5d-b7f1-2c3d4e5f6a7b about 3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10
}

// An envelope holds one kind of record; its counts say how many records
// and, for complaints, escalations it holds.
func ExampleEnvelopeWriter_WriteComplaint() {
	var buf bytes.Buffer
	w := export.NewEnvelopeWriter(&buf, export.EnvelopeOptions{
		Header: export.Header{
			Submitter: "clinic_7f3a9c2e",
			Policy:    export.Policy{ID: "registry", Version: "1", Hash: strings.Repeat("0f", 32)},
			KeyID:     "demo-2026",
		},
		Shape: schema.ComplaintSubmission,
		Now:   fixedClock,
	})
	if err := w.WriteComplaint(deidentifiedComplaint()); err != nil {
		panic(err)
	}
	err := w.Write(deidentified())
	fmt.Println(errors.Is(err, export.ErrRecordKind))
	if err := w.Close(); err != nil {
		panic(err)
	}
	out := buf.String()
	fmt.Println(out[:strings.Index(out, `,"generated_at"`)] + "…")
	fmt.Print("…" + out[strings.LastIndex(out, "]"):])
	// Output:
	// true
	// {"schema":"https://openaesthetics.github.io/casebook/schema/v1/complaint-submission.schema.json"…
	// …],"counts":{"records":1,"escalations":2}}
}

// Researchers rebuild the records from the tables in a directory.
func ExampleTablesReader() {
	dir, err := os.MkdirTemp("", "casebook-tables")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	w, err := export.NewTablesWriter(export.DirSink(dir), export.CSVOptions{Profile: export.ProfileSpreadsheet})
	if err != nil {
		panic(err)
	}
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}

	tr, err := export.NewTablesReader(os.DirFS(dir), export.CSVReadOptions{Profile: export.ProfileSpreadsheet})
	if err != nil {
		panic(err)
	}
	defer tr.Close()
	for {
		r, err := tr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		fmt.Println(r.ID, r.Events[0].Term, r.Events[0].Description)
	}
	// Output:
	// 3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10 vascular_occlusion =blanching within minutes
}

func ExampleFlatReader() {
	var buf bytes.Buffer
	w := export.NewFlatWriter(&buf, export.CSVOptions{})
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	// Break one cell, as a spreadsheet edit might.
	broken := strings.Replace(buf.String(), ",severe,", ",Severe!,", 1)
	fr := export.NewFlatReader(strings.NewReader(broken), export.CSVReadOptions{})
	_, err := fr.Read()
	var perr *export.ParseError
	if errors.As(err, &perr) {
		fmt.Printf("line %d, column %d (%s): %v\n", perr.Line, perr.Column, perr.Field, perr.Err)
	}
	// Output:
	// line 2, column 85 (events.severity): not a code of the column's list
}

func ExampleFHIRWriter() {
	var buf bytes.Buffer
	w := export.NewFHIRWriter(&buf, export.FHIROptions{Now: fixedClock, Location: time.UTC})
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Close(); err != nil {
		panic(err)
	}
	var bundle struct {
		Type  string `json:"type"`
		Entry []struct {
			FullURL  string         `json:"fullUrl"`
			Resource map[string]any `json:"resource"`
		} `json:"entry"`
	}
	if err := json.Unmarshal(buf.Bytes(), &bundle); err != nil {
		panic(err)
	}
	fmt.Println(bundle.Type)
	for _, e := range bundle.Entry {
		fmt.Println(e.Resource["resourceType"], strings.HasPrefix(e.FullURL, "urn:uuid:"))
	}
	ae := bundle.Entry[len(bundle.Entry)-1].Resource
	fmt.Println(ae["date"], ae["actuality"])
	// Output:
	// collection
	// Patient true
	// Device true
	// Procedure true
	// AdverseEvent true
	// 2026-09-02T14:20:00Z actual
}

func ExampleSDTMWriter() {
	w := export.NewSDTMWriter(os.Stdout, export.SDTMOptions{StudyID: "REG2026"})
	if err := w.Write(deidentified()); err != nil {
		panic(err)
	}
	if err := w.Flush(); err != nil {
		panic(err)
	}
	// Output:
	// STUDYID,DOMAIN,USUBJID,AESEQ,AEGRPID,AESPID,AETERM,AEDECOD,AECAT,AELOC,AELAT,AESEV,AESER,AEACN,AEREL,AEOUT,AESCONG,AESDISAB,AESDTH,AESHOSP,AESLIFE,AESMIE,AECONTRT,AETOXGR,AESTDTC,AEENDTC,AESTDY,AEENDY
	// REG2026,AE,pt_4f3kq7xz2m9b6c8d,1,3f1c2f9e-6a4b-4c1e-9a57-0d5c2b7e8a10,5d7f9b1c-3e5a-4c7e-9a1b-3c5e7a9b1d2f,Vascular occlusion,vascular_occlusion,DERMAL FILLER,,,SEVERE,Y,NOT APPLICABLE,,RECOVERED/RESOLVED,N,N,N,N,N,Y,,,2026-09-02T14:20,2026-09-30,1,29
}

func ExampleWriteDataPackage() {
	var buf bytes.Buffer
	if err := export.WriteDataPackage(&buf, export.CodebookOptions{Layout: export.LayoutTables, Profile: export.ProfileSpreadsheet}); err != nil {
		panic(err)
	}
	var pkg struct {
		Casebook struct {
			Layout  string   `json:"layout"`
			Profile string   `json:"profile"`
			Schemas []string `json:"schemas"`
		} `json:"x-casebook"`
		Resources []struct {
			Path string `json:"path"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(buf.Bytes(), &pkg); err != nil {
		panic(err)
	}
	fmt.Println(pkg.Casebook.Layout, pkg.Casebook.Profile)
	for _, s := range pkg.Casebook.Schemas {
		fmt.Println(s)
	}
	for _, r := range pkg.Resources {
		fmt.Println(r.Path)
	}
	// Output:
	// tables spreadsheet
	// https://openaesthetics.github.io/casebook/schema/v1/report-submission.schema.json
	// https://openaesthetics.github.io/casebook/schema/v1/complaint-submission.schema.json
	// reports.csv
	// events.csv
	// notifications.csv
	// products.csv
	// treatment_sites.csv
	// event_sites.csv
	// management.csv
	// codes.csv
	// complaints.csv
	// complaint_extensions.csv
	// complaint_status_history.csv
	// complaint_escalations.csv
}
