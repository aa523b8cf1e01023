package complication

// Identity holds every direct identifier of a record: the only place in a
// casebook record where names, dates of birth, NHS numbers, addresses,
// phone numbers, email addresses, social media handles and registration
// numbers may appear. The submission schema has no place for it, and
// anonymisation removes it whole.
type Identity struct {
	Patient      *PersonIdentity       `json:"patient,omitempty"`
	Reporter     *PersonIdentity       `json:"reporter,omitempty"`
	Practitioner *PractitionerIdentity `json:"practitioner,omitempty"`
	Prescriber   *PractitionerIdentity `json:"prescriber,omitempty"`
	Clinic       *ClinicIdentity       `json:"clinic,omitempty"`
}

// PersonIdentity identifies a patient, a complainant or a reporter.
type PersonIdentity struct {
	Title         string         `json:"title,omitempty"` // e.g. "Mrs"
	GivenName     string         `json:"given_name,omitempty"`
	FamilyName    string         `json:"family_name,omitempty"`
	OtherNames    []string       `json:"other_names,omitempty"` // previous or preferred names
	DateOfBirth   PartialDate    `json:"date_of_birth,omitzero"`
	NHSNumber     string         `json:"nhs_number,omitempty"` // ten digits, no spaces
	LocalID       string         `json:"local_id,omitempty"`   // the clinic's own record number
	Address       *Address       `json:"address,omitempty"`
	Phones        []string       `json:"phones,omitempty"`
	Emails        []string       `json:"emails,omitempty"`
	SocialHandles []SocialHandle `json:"social_handles,omitempty"`
	Registration  *Registration  `json:"registration,omitempty"` // a reporter's professional registration
}

// PractitionerIdentity identifies a practitioner or prescriber.
type PractitionerIdentity struct {
	Name          string         `json:"name,omitempty"`
	Registration  *Registration  `json:"registration,omitempty"`
	LicenceNumber string         `json:"licence_number,omitempty"` // under a local licensing scheme
	Phones        []string       `json:"phones,omitempty"`
	Emails        []string       `json:"emails,omitempty"`
	SocialHandles []SocialHandle `json:"social_handles,omitempty"`
}

// ClinicIdentity identifies the clinic or premises.
type ClinicIdentity struct {
	Name          string         `json:"name,omitempty"`
	Address       *Address       `json:"address,omitempty"`
	Phones        []string       `json:"phones,omitempty"`
	Emails        []string       `json:"emails,omitempty"`
	Website       string         `json:"website,omitempty"`
	CQCLocationID string         `json:"cqc_location_id,omitempty"`
	SocialHandles []SocialHandle `json:"social_handles,omitempty"`
}

// Address is a postal address.
type Address struct {
	Lines    []string `json:"lines,omitempty"`
	Town     string   `json:"town,omitempty"`
	Postcode string   `json:"postcode,omitempty"`
	Country  string   `json:"country,omitempty"`
}

// Registration is a professional registration: the register and the number
// on it. Registration numbers are public and identify the practitioner.
type Registration struct {
	Body   RegistrationBody `json:"body,omitempty"`
	Number string           `json:"number,omitempty"`
}

// SocialHandle is an account on a social media platform.
type SocialHandle struct {
	Platform SocialPlatform `json:"platform,omitempty"`
	Handle   string         `json:"handle,omitempty"` // with or without the leading @
}
