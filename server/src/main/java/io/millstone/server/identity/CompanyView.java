package io.millstone.server.identity;

import io.millstone.server.identity.model.CompanyDetails;
import io.millstone.server.identity.model.CompanySettings;
import io.millstone.server.identity.model.DisplayFormats;
import java.util.UUID;

/** A company's settings with the version to send back on update. */
public record CompanyView(
    UUID id,
    CompanySettings settings,
    DisplayFormats formats,
    CompanyDetails details,
    long version) {}
