package web

import "github.com/labstack/echo/v4"

// routes lists every URL of the server on one screen. Everything but the
// login page, static files and the health check needs a logged-in user or
// an API token; what each may see is decided by the store's queries.
func routes(e *echo.Echo, h *handler) {
	e.Use(h.recoverPanics, securityHeaders, bodyLimit, h.authenticate, csrf())

	e.GET("/static/:hash/*", h.static)
	e.GET("/healthz", h.health)
	e.GET("/login", h.loginPage)
	e.POST("/login", h.login)

	app := e.Group("", requireUser)
	app.POST("/logout", h.logout)
	app.GET("/settings", h.settingsPage)
	app.POST("/settings/password", h.changePassword)
	app.POST("/settings/tokens", h.createToken)
	app.POST("/settings/tokens/:id/revoke", h.revokeToken)
	app.GET("/admin/users", h.usersPage)
	app.POST("/admin/users", h.addUser)
	app.GET("/", h.homePage)
	app.GET("/projects/:p", h.projectPage)
	app.GET("/projects/:p/activity", h.activityPage)
	app.GET("/projects/:p/agreement", h.agreementPage)
	app.GET("/documents/:d", h.annotatePage)
	app.GET("/documents/:d/view", h.docView)
	app.GET("/documents/:d/review", h.reviewPage)
	app.POST("/documents/:d/review/accept", h.acceptSpan)
	app.POST("/documents/:d/review/accept-agreed", h.acceptAgreed)
	app.POST("/documents/:d/review/remove", h.removeFromGold)
	app.POST("/documents/:d/review/done", h.markReviewed)
	app.POST("/documents/:d/review/reopen", h.reopenGold)
	app.GET("/next", h.next)
	app.POST("/documents/:d/done", h.markDone)
	app.POST("/documents/:d/reopen", h.reopen)
	app.POST("/projects/:p/members", h.addMember)
	app.POST("/projects/:p/members/remove", h.removeMember)
	app.POST("/projects/:p/labels", h.setLabels)
	app.POST("/projects/:p/guidelines", h.setGuidelines)
	app.POST("/projects/:p/assignments", h.assign)
	app.POST("/projects/:p/assignments/auto", h.autoAssign)
	app.POST("/projects/:p/assignments/remove", h.unassign)

	api := e.Group("/api/v1", requireUser)
	api.GET("/projects", h.listProjects)
	api.GET("/projects/:p/documents", h.listDocuments)
	api.POST("/projects/:p/documents", h.importDocuments)
	api.GET("/projects/:p/export", h.export)
	api.GET("/documents/:d", h.getDocument)
	api.GET("/documents/:d/spans", h.listSpans)
	api.POST("/documents/:d/spans", h.createSpan)
	api.PATCH("/documents/:d/spans/:s", h.updateSpan)
	api.DELETE("/documents/:d/spans/:s", h.deleteSpan)
	api.POST("/documents/:d/relations", h.createRelation)
	api.DELETE("/documents/:d/relations/:r", h.deleteRelation)
	api.GET("/documents/:d/suggestions", h.listSuggestions)
	api.POST("/documents/:d/suggestions/accept", h.acceptSuggestions)
	api.POST("/documents/:d/suggestions/reject", h.rejectSuggestions)
	api.DELETE("/documents/:d/suggestions/rejections", h.restoreSuggestions)
	api.POST("/documents/:d/done", h.apiMarkDone)
}
