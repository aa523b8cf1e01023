package schema

import (
	"encoding"
	"encoding/json"
	"reflect"
	"time"
)

// Types the fast decoder plans by.
var (
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	timeType            = reflect.TypeFor[time.Time]()
)
