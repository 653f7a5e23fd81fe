package org.allegationatlas.claim;

import org.eclipse.microprofile.graphql.Description;

@Description("How much of statedOn the text gives: DAY, or only its MONTH (\"in August\") or YEAR.")
public enum DatePrecision {
    DAY, MONTH, YEAR
}
