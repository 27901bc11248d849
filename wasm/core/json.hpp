// A minimal JSON writer: enough for the schema, configs and validation
// results that cross to JavaScript. Numbers are written with the fewest
// significant digits that read back to the same double.
#pragma once

#include <string>
#include <string_view>

namespace nnfit::json {

std::string quote(std::string_view text);   // "text" with every special character escaped
std::string number(double value);           // as JavaScript's String(x) prints it; null when not finite

}  // namespace nnfit::json
