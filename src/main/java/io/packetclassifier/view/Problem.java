package io.packetclassifier.view;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON body of a 400 or 404 answer: what was wrong, in a sentence. */
@RegisterForReflection
public record Problem(String error) {

    static BadRequestException badRequest(String message) {
        return new BadRequestException(response(Response.Status.BAD_REQUEST, message));
    }

    static NotFoundException notFound(String message) {
        return new NotFoundException(response(Response.Status.NOT_FOUND, message));
    }

    private static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new Problem(message)).build();
    }
}
