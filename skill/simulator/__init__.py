"""A local text simulator: typed utterances resolved like Alexa, sent to the Lambda handler."""
